using System.CommandLine;
using System.Globalization;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations add ID …</c>: registers an active station with a new secret and prints the secret once.</summary>
internal sealed class AddCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationIdArgument _id = new("The new station's id: its MQTT user name and the name in its topics.");
    private readonly Option<string> _name = new("--name")
    {
        Required = true,
        HelpName = "TEXT",
        Description = "The name people know it by, e.g. \"Rrogozhina school roof\".",
    };

    private readonly KindOption _kind = new();
    private readonly CoordinateOption _latitude = new("--lat", "latitude", 90, "41.0755");
    private readonly CoordinateOption _longitude = new("--lon", "longitude", 180, "19.6703");
    private readonly Option<string> _initiative = new("--initiative")
    {
        HelpName = "TEXT",
        Description = "The MOCI initiative that runs it, e.g. \"Clean Shkumbin\" (optional).",
    };

    private readonly JsonOption _json = new("Print only {\"id\": …, \"secret\": …} on stdout, for scripts.");

    public AddCommand(CliContext context, DatabaseOption database)
        : base("add", "Register an active station with a new secret, and print the secret once. Creates the database if it does not exist (and says so on stderr).")
    {
        _context = context;
        _database = database;
        _name.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--name: the name is empty; give the name people know the station by, e.g. \"Rrogozhina school roof\".");
            }
        });
        Arguments.Add(_id);
        Options.Add(_name);
        Options.Add(_kind);
        Options.Add(_latitude);
        Options.Add(_longitude);
        Options.Add(_initiative);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var initiative = result.GetValue(_initiative)?.Trim();
        var station = new Station(
            result.GetRequiredValue(_id),
            result.GetRequiredValue(_name).Trim(),
            result.GetValue(_kind),
            result.GetValue(_latitude),
            result.GetValue(_longitude),
            string.IsNullOrEmpty(initiative) ? null : initiative,
            StationState.Active);

        using var store = HubDatabase.OpenOrCreate(_database.Resolve(result, _context), _context);
        var secret = StationSecret.Generate();
        if (!store.Add(station, StationSecret.Hash(secret)))
        {
            var existing = store.Find(station.Id)!.Station;
            throw CliException.BadArgument(
                $"ID: a station '{station.Id}' is already registered ({existing.State.ToString().ToLowerInvariant()}, \"{existing.Name}\"); " +
                $"choose another id, or give it a new secret with `moci stations rotate-secret {station.Id}`.");
        }

        if (result.GetValue(_json))
        {
            _context.Out.WriteLine(new SecretIssued(station.Id, secret).ToJson());
            return ExitCodes.Success;
        }

        _context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Registered station {station.Id} \"{station.Name}\" ({station.Kind.ToString().ToLowerInvariant()}, {station.Latitude}, {station.Longitude}) in {store.DatabasePath}."));
        SecretText.Write(_context.Out, station.Id, secret);
        _context.Out.WriteLine();
        _context.Out.WriteLine("A running hub accepts the station within a few seconds. Behind Mosquitto, run `moci mosquitto export`");
        _context.Out.WriteLine("again and reload Mosquitto (kill -HUP).");
        return ExitCodes.Success;
    }
}
