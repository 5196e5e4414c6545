using System.Globalization;

namespace Moci.SystemTests.Support;

/// <summary>
/// A Mosquitto broker on a free loopback port, configured so that a slow subscriber does not lose QoS 1
/// messages (FACTS.md gotcha 3). <c>scripts/test.sh</c> installs Mosquitto.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;

    private Mosquitto(ChildProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Output => _process.Output;

    public static async Task<Mosquitto> StartAsync()
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Mosquitto is not installed; scripts/test.sh installs it (apt-get install mosquitto).");
        var port = FreePort.Next();
        var folder = Path.Combine(Path.GetTempPath(), "moci-mosquitto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "user root",
            $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "max_queued_messages 100000",
            "max_inflight_messages 100",
            "log_dest stdout",
            ""));
        var process = new ChildProcess(executable, ["-c", config], folder, new Dictionary<string, string>());
        var broker = new Mosquitto(process, folder, port);
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10));
        return broker;
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
