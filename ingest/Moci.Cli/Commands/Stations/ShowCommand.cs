using System.CommandLine;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations show ID</c>: one station's record, never its secret or the secret's hash.</summary>
internal sealed class ShowCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationIdArgument _id = new("The station to show.");
    private readonly JsonOption _json = new("Print the station as a JSON object on stdout, for scripts.");

    public ShowCommand(CliContext context, DatabaseOption database)
        : base("show", "Show one station: name, kind, position, initiative, state and when it was registered and last changed (never its secret).")
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
        var station = StationView.From(store.Find(id) ?? throw UnknownStation.Error(id, store));
        if (result.GetValue(_json))
        {
            CliJson.Write(_context.Out, station);
        }
        else
        {
            StationText.WriteDetails(_context.Out, station);
        }

        return ExitCodes.Success;
    }
}
