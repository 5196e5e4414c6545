using System.CommandLine;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations revoke ID</c>: the station is refused from now on; its readings stay.</summary>
internal sealed class RevokeCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationIdArgument _id = new("The station to refuse.");

    public RevokeCommand(CliContext context, DatabaseOption database)
        : base("revoke", "Refuse a station from now on: a running hub closes its connection within 10 seconds and refuses it " +
                         "afterwards. Its readings stay. `moci stations rotate-secret` makes it active again with a new secret.")
    {
        _context = context;
        _database = database;
        Arguments.Add(_id);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        using var store = HubDatabase.OpenExisting(_database.Resolve(result, _context), _context);
        var id = result.GetRequiredValue(_id);
        var before = store.Find(id) ?? throw UnknownStation.Error(id, store);
        if (before.Station.State == StationState.Revoked)
        {
            _context.Out.WriteLine($"Station {id} was already revoked; nothing changed.");
            return ExitCodes.Success;
        }

        if (!store.Revoke(id))
        {
            throw UnknownStation.Error(id, store);
        }

        _context.Out.WriteLine($"Revoked station {id}. A running hub closes its connection within 10 seconds and refuses it from now on;");
        _context.Out.WriteLine("its readings stay. Behind Mosquitto, run `moci mosquitto export` again and reload Mosquitto (kill -HUP).");
        return ExitCodes.Success;
    }
}
