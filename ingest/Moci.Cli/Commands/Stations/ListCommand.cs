using System.CommandLine;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations list</c>: every registered station, never a secret or its hash.</summary>
internal sealed class ListCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly JsonOption _json = new("Print a JSON array of the stations on stdout, for scripts.");

    public ListCommand(CliContext context, DatabaseOption database)
        : base("list", "List the registered stations, in the order they were registered, with their state (never a secret).")
    {
        _context = context;
        _database = database;
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        using var store = HubDatabase.OpenExisting(_database.Resolve(result, _context), _context);
        var stations = store.All().Select(StationView.From).ToList();
        if (result.GetValue(_json))
        {
            CliJson.Write(_context.Out, stations);
        }
        else if (stations.Count == 0)
        {
            _context.Out.WriteLine($"No stations are registered in {store.DatabasePath}; add one with `moci stations add`.");
        }
        else
        {
            StationText.WriteTable(_context.Out, stations);
        }

        return ExitCodes.Success;
    }
}
