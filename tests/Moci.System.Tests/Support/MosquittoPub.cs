using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Moci.SystemTests.Support;

/// <summary>
/// Mosquitto's own publishing client (package mosquitto-clients), as a person trying a station's login would use
/// it: <c>mosquitto_pub -u ID -P SECRET</c>, without a client id (<c>-i</c>), so the broker assigns one.
/// </summary>
public sealed class MosquittoPub : IDisposable
{
    private const string Executable = "/usr/bin/mosquitto_pub";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new();

    private MosquittoPub(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything it printed so far; with <c>-d</c> that includes each packet, such as CONNACK and DISCONNECT.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>
    /// Starts <c>mosquitto_pub -l -d</c>: connected, publishing each line written with <see cref="PublishLineAsync"/>
    /// on <paramref name="topic"/>, and printing every packet as it goes (line-buffered through <c>stdbuf</c>). When
    /// the broker closes the connection it connects again at once, and prints the broker's answer.
    /// </summary>
    public static MosquittoPub StartLineMode(int port, string username, string password, string topic)
    {
        var start = new ProcessStartInfo("stdbuf")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-oL", "-eL", RequireInstalled() }.Concat(Arguments(port, username, password, topic)).Append("-l").Append("-d"))
        {
            start.ArgumentList.Add(argument);
        }

        return new MosquittoPub(new Process { StartInfo = start });
    }

    /// <summary>Connects, publishes <paramref name="message"/> once at QoS 1 and disconnects; exit code 0 only when the broker took it.</summary>
    /// <param name="options">More of mosquitto_pub's options, e.g. <c>-r</c> (retain) or <c>--cafile ca.pem</c> (TLS); a later <c>-h</c> replaces 127.0.0.1.</param>
    public static Task<ProcessRun> PublishOnceAsync(int port, string username, string password, string topic, string message, params string[] options) =>
        ProcessRun.RunAsync(RequireInstalled(), [.. Arguments(port, username, password, topic), "-m", message, "-q", "1", .. options], TimeSpan.FromSeconds(30));

    /// <summary>Publishes one message (a line on its standard input).</summary>
    public async Task PublishLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Completes when it prints a line containing <paramref name="text"/> (or has printed one already).</summary>
    public Task Printed(string text)
    {
        var awaited = _awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            awaited.TrySetResult();
        }

        return awaited.Task;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        foreach (var (text, awaited) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                awaited.TrySetResult();
            }
        }
    }

    // mosquitto_pub's defaults otherwise: MQTT 3.1.1 and no client id.
    private static IEnumerable<string> Arguments(int port, string username, string password, string topic) =>
        ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-u", username, "-P", password, "-t", topic];

    private static string RequireInstalled() => File.Exists(Executable)
        ? Executable
        : throw new InvalidOperationException("mosquitto_pub is not installed; scripts/test.sh installs it (apt-get install mosquitto-clients).");

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
