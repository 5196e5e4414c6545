using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Moci.Bridge.Configuration;
using Moci.Kit;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;

namespace Moci.Bridge.Commands;

/// <summary>
/// <c>moci-bridge simulate</c>: one simulated station (Moci.Kit's simulator) sending through the real publisher and
/// outbox, the kit without sensors for classrooms and tests. Runs until stopped (Ctrl+C, SIGTERM).
/// </summary>
internal sealed class SimulateCommand : Command
{
    private readonly BridgeContext _context;

    private readonly Option<string> _station = new("--station")
    {
        Description = "The station id the hub registered (`moci stations add`), e.g. rrg-school-01.",
        HelpName = "ID",
        Required = true,
    };

    private readonly Option<string> _secret = new("--secret")
    {
        Description = "The station's secret, as the hub printed it.",
        HelpName = "SECRET",
        Required = true,
    };

    private readonly BrokerOption _broker = new();

    private readonly Option<string> _caFile = new("--ca-file")
    {
        Description = "With mqtts://: a PEM file of the certificate authority that signed the hub's certificate. Default: the system's authorities.",
        HelpName = "FILE",
    };

    private readonly DurationOption _interval = new("--interval", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
    {
        Description = "Time between two samples, 1s to 1h, e.g. 1s or 10s. Default 10s.",
    };

    private readonly Option<string> _dataDir = new("--data-dir")
    {
        Description = "The folder of the station's outbox, where readings wait until the hub has stored them; created when missing.",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<StationKind> _kind = new("--kind")
    {
        Description = "What the station measures: Air, Water or Mobile. Default Air.",
        DefaultValueFactory = _ => StationKind.Air,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the simulation: the same seed gives the same readings. Default 2019.",
        DefaultValueFactory = _ => 2019,
    };

    public SimulateCommand(BridgeContext context)
        : base("simulate", """
            Run one simulated station: realistic readings every --interval, sent to the hub through the same outbox
            and publisher as a real station (what the hub has not acknowledged waits in --data-dir). The kit
            without sensors, for classrooms and tests. Runs until stopped with Ctrl+C or SIGTERM.
            Example: moci-bridge simulate --station rrg-school-01 --secret S --broker mqtt://192.168.1.20:1883 --interval 1s --data-dir /tmp/moci
            """)
    {
        _context = context;
        _station.Validators.Add(result =>
        {
            var id = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (StationId.Explain(id) is { } problem)
            {
                result.AddError($"--station: {problem}.");
            }
        });
        _secret.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || string.IsNullOrWhiteSpace(result.Tokens[0].Value))
            {
                result.AddError("--secret: empty; give the secret the hub printed for the station (`moci stations add`, or `moci stations rotate-secret ID`).");
            }
        });
        Options.Add(_station);
        Options.Add(_secret);
        Options.Add(_broker);
        Options.Add(_caFile);
        Options.Add(_interval);
        Options.Add(_dataDir);
        Options.Add(_kind);
        Options.Add(_seed);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var broker = result.GetRequiredValue(_broker);
        var caFile = result.GetValue(_caFile);
        if (caFile is { Length: > 0 } && !broker.UseTls)
        {
            await _context.Error.WriteLineAsync($"--ca-file is given but --broker ({broker}) is plain MQTT; write mqtts://{broker.Host}:{BrokerAddress.TlsPort}, or leave out --ca-file.");
            return ExitCodes.BadArgument;
        }

        var dataDir = Path.GetFullPath(result.GetRequiredValue(_dataDir));
        try
        {
            Directory.CreateDirectory(dataDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await _context.Error.WriteLineAsync($"--data-dir: {dataDir} cannot be created: {ex.Message}; give a folder this user may write.");
            return ExitCodes.BadArgument;
        }

        var settings = new Dictionary<string, string?>
        {
            ["Simulation:Seed"] = Invariant(result.GetValue(_seed)),
            ["Simulation:Interval"] = result.GetValue(_interval).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Simulation:Backfill"] = "00:00:00",
            ["Simulation:Stations:0:Id"] = result.GetRequiredValue(_station),
            ["Simulation:Stations:0:Kind"] = result.GetValue(_kind).ToString(),
            ["Simulation:Stations:0:Secret"] = result.GetRequiredValue(_secret).Trim(),
            ["Simulation:Outbox:Directory"] = dataDir,
            ["Broker:Host"] = broker.Host,
            ["Broker:Port"] = Invariant(broker.Port),
            ["Broker:UseTls"] = broker.UseTls ? "true" : "false",
            ["Broker:CaFile"] = caFile,
        };
        var builder = BridgeHost.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSimulatedStations();
        return await BridgeHost.RunAsync(builder, _context, cancellationToken);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
