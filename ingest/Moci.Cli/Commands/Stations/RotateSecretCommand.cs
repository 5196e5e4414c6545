using System.CommandLine;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations rotate-secret ID</c>: a new secret, printed once; the old one stops working.</summary>
internal sealed class RotateSecretCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationIdArgument _id = new("The station that gets a new secret.");
    private readonly JsonOption _json = new("Print only {\"id\": …, \"secret\": …} on stdout, for scripts.");

    public RotateSecretCommand(CliContext context, DatabaseOption database)
        : base("rotate-secret", "Give a station a new secret and print it once. The old secret stops working: a running hub closes " +
                                "the station's connection within a few seconds. A pending or revoked station becomes active.")
    {
        _context = context;
        _database = database;
        Arguments.Add(_id);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        using var store = HubDatabase.OpenExisting(_database.Resolve(result, _context), _context);
        var id = result.GetRequiredValue(_id);
        var before = store.Find(id) ?? throw UnknownStation.Error(id, store);
        var secret = StationSecret.Generate();
        if (!store.SetSecretHash(id, StationSecret.Hash(secret)))
        {
            // Removed between the two statements by someone else.
            throw UnknownStation.Error(id, store);
        }

        if (result.GetValue(_json))
        {
            _context.Out.WriteLine(new SecretIssued(id, secret).ToJson());
            return ExitCodes.Success;
        }

        var was = before.Station.State == StationState.Active ? "" : $" (it was {before.Station.State.ToString().ToLowerInvariant()}; now it is active)";
        _context.Out.WriteLine($"New secret for station {id}{was}. The old secret no longer works.");
        SecretText.Write(_context.Out, id, secret);
        _context.Out.WriteLine();
        _context.Out.WriteLine("A running hub closes connections made with the old secret within a few seconds. Behind Mosquitto, run");
        _context.Out.WriteLine("`moci mosquitto export` again and reload Mosquitto (kill -HUP).");
        return ExitCodes.Success;
    }
}
