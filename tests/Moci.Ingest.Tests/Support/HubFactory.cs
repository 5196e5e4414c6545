using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using MQTTnet;
using MQTTnet.Formatter;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// The ingest host as it runs on its own, over real HTTP handlers, with its embedded broker on a free port
/// and its SQLite file in a temp folder. Two stations are registered: an air and a water station.
/// </summary>
internal sealed class HubFactory : WebApplicationFactory<Program>
{
    public const string AirStation = "rrg-school-01";
    public const string WaterStation = "shk-river-01";

    private readonly TempDirectory _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public HubFactory(IDictionary<string, string?>? overrides = null)
    {
        BrokerPort = FreePort.Next();
        _settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = BrokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:ClientId"] = "moci-ingest-test",
            ["Storage:DatabasePath"] = DatabasePath,
            ["Stations:0:Id"] = AirStation,
            ["Stations:0:Name"] = "Rrogozhina school roof",
            ["Stations:0:Kind"] = "Air",
            ["Stations:0:Latitude"] = "41.076",
            ["Stations:0:Longitude"] = "19.667",
            ["Stations:1:Id"] = WaterStation,
            ["Stations:1:Name"] = "Shkumbin at the bridge",
            ["Stations:1:Kind"] = "Water",
            ["Stations:1:Latitude"] = "41.07",
            ["Stations:1:Longitude"] = "19.64",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public int BrokerPort { get; }

    /// <summary>The same settings, for a host built without the web test server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public string DatabasePath => _folder.File("hub.db");

    /// <summary>The station's secret, issued by the hub's registry on first use (the host must be started).</summary>
    public string SecretOf(string stationId)
    {
        lock (_secrets)
        {
            if (!_secrets.TryGetValue(stationId, out var secret))
            {
                secret = Services.GetRequiredService<StationRegistry>().IssueSecret(stationId);
                _secrets[stationId] = secret;
            }

            return secret;
        }
    }

    /// <summary>A raw MQTT 5 client logged in as <paramref name="stationId"/> with its secret.</summary>
    public async Task<IMqttClient> ConnectStationAsync(string stationId, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", BrokerPort)
            .WithClientId(clientId ?? stationId)
            .WithCredentials(stationId, SecretOf(stationId))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        return client;
    }

    /// <summary>Starts the host and waits until the intake has subscribed at the embedded broker.</summary>
    public async Task StartAsync()
    {
        _ = Server;
        await Services.GetRequiredService<MqttIntake>().Subscribed.WaitAsync(TimeSpan.FromSeconds(15));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
