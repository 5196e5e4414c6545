namespace Moci.SystemTests.Support;

/// <summary>
/// A Mosquitto broker started with a given configuration file, as an operator would start it:
/// <c>mosquitto -c FILE</c>. <c>scripts/test.sh</c> installs Mosquitto.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private const string ReloadedLine = "Reloading config.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ChildProcess _process;

    private Mosquitto(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port the configuration makes it listen on.</summary>
    public int Port { get; }

    /// <summary>Everything Mosquitto logged so far.</summary>
    public string Output => _process.Output;

    /// <summary>Starts <c>mosquitto -c <paramref name="configFile"/></c> and waits until it accepts connections on <paramref name="port"/>.</summary>
    public static async Task<Mosquitto> StartAsync(string configFile, int port)
    {
        var executable = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Mosquitto is not installed; scripts/test.sh installs it (apt-get install mosquitto).");
        var broker = new Mosquitto(new ChildProcess(executable, ["-c", configFile], Path.GetDirectoryName(configFile)!, new Dictionary<string, string>()), port);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, Timeout);
        }
        catch (OperationCanceledException)
        {
            broker.Dispose();
            throw new InvalidOperationException($"Mosquitto did not listen on port {port} within {Timeout}:\n{broker.Output}");
        }

        return broker;
    }

    /// <summary>Sends SIGHUP, as <c>kill -HUP</c> does, and waits until Mosquitto has re-read its configuration.</summary>
    public async Task ReloadAsync()
    {
        var before = Reloads();
        var kill = await ProcessRun.RunAsync("kill", ["-HUP", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Timeout);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -HUP failed:\n{kill}");
        }

        using var deadline = new CancellationTokenSource(Timeout);
        while (Reloads() == before)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Kills Mosquitto with SIGKILL, as <c>kill -9</c> does: it saves nothing on the way out.</summary>
    public Task KillNineAsync() => _process.KillNineAsync();

    private int Reloads() => _process.Output.Split('\n').Count(line => line.EndsWith(ReloadedLine, StringComparison.Ordinal));

    public void Dispose() => _process.Dispose();
}
