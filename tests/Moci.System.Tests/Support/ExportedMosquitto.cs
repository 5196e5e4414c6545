using System.Globalization;

namespace Moci.SystemTests.Support;

/// <summary>
/// The hub run behind Mosquitto the way docs/external-broker.md says: stations registered with
/// <c>moci stations add</c> in a hub database, <c>moci mosquitto export</c>, Mosquitto started with exactly the
/// exported <c>mosquitto.conf</c>, and the ingest started with <c>Broker__Embedded=false</c> and the exported
/// intake password. Everything lives in one temp folder, deleted on dispose.
/// </summary>
public sealed class ExportedMosquitto : IDisposable
{
    private readonly Dictionary<string, string> _secrets = [];

    private ExportedMosquitto(string folder, int port, int ingests)
    {
        Folder = folder;
        Port = port;
        Ingests = ingests;
    }

    /// <summary>The ingests the export provides for (<c>--ingests</c>): 1, or that many on one shared subscription.</summary>
    public int Ingests { get; }

    public string Folder { get; }

    /// <summary>The hub's database, holding the station registry.</summary>
    public string Database => Path.Combine(Folder, "hub.db");

    /// <summary>Where the export writes Mosquitto's files.</summary>
    public string ExportDirectory => Path.Combine(Folder, "mosquitto");

    public int Port { get; }

    public Mosquitto Broker { get; private set; } = null!;

    /// <summary>What the last export printed.</summary>
    public string ExportOutput { get; private set; } = "";

    /// <summary>The secret each station was given by <c>moci stations add</c>.</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    /// <summary>Registers <paramref name="stations"/>, exports, and starts Mosquitto from the export.</summary>
    public static Task<ExportedMosquitto> StartAsync(params (string Id, string Kind)[] stations) => StartAsync(1, stations);

    /// <summary>
    /// Registers <paramref name="stations"/>, exports for <paramref name="ingests"/> ingests (<c>--ingests</c>), and starts
    /// Mosquitto from the export.
    /// </summary>
    public static async Task<ExportedMosquitto> StartAsync(int ingests, params (string Id, string Kind)[] stations)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-exported-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var setup = new ExportedMosquitto(folder, FreePort.Next(), ingests);
        try
        {
            foreach (var (id, kind) in stations)
            {
                await setup.AddStationAsync(id, kind);
            }

            await setup.ExportAsync();
            setup.Broker = await Mosquitto.StartAsync(Path.Combine(setup.ExportDirectory, "mosquitto.conf"), setup.Port);
            return setup;
        }
        catch
        {
            setup.Dispose();
            throw;
        }
    }

    /// <summary>Registers a station (Mosquitto knows it only after the next export and reload).</summary>
    public async Task<string> AddStationAsync(string id, string kind = "air")
    {
        var secret = await MociCommand.AddStationAsync(Database, id, kind);
        _secrets[id] = secret;
        return secret;
    }

    /// <summary>Runs <c>moci mosquitto export</c> again.</summary>
    public async Task ExportAsync() => ExportOutput = (await MociCommand.ExportAsync(
        Database, ExportDirectory, Port, "--ingests", Ingests.ToString(CultureInfo.InvariantCulture))).Out;

    /// <summary>
    /// Starts Mosquitto again, after it stopped or was killed, from the same exported configuration and port; it
    /// reads back what it last saved to its persistence file.
    /// </summary>
    public async Task RestartBrokerAsync()
    {
        Broker.Dispose();
        Broker = await Mosquitto.StartAsync(Path.Combine(ExportDirectory, "mosquitto.conf"), Port);
    }

    /// <summary>Starts the ingest against Mosquitto with the exported intake password and the registry's database.</summary>
    public ChildProcess StartIngest() => Hub.RunIngest(new Dictionary<string, string>
    {
        ["Broker__Embedded"] = "false",
        ["Broker__Host"] = "127.0.0.1",
        ["Broker__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Broker__PasswordFile"] = Path.Combine(ExportDirectory, "ingest.secret"),
        ["Storage__DatabasePath"] = Database,
    });

    /// <summary>
    /// Starts ingest <paramref name="member"/> (1 to <see cref="Ingests"/>) of the shared subscription the way the export
    /// says: the settings of the exported <c>ingest.env</c>, and its own user name and client id.
    /// </summary>
    public ChildProcess StartSharedIngest(int member)
    {
        var settings = File.ReadAllLines(Path.Combine(ExportDirectory, "ingest.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        settings["Broker__Host"] = "127.0.0.1";
        settings["Broker__Username"] = $"moci.ingest.{member}";
        settings["Broker__ClientId"] = $"moci-ingest-{member}";
        return Hub.RunIngest(settings);
    }

    public void Dispose()
    {
        Broker?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
