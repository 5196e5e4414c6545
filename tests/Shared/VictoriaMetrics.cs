using System.Diagnostics;
using System.Text.Json;

namespace Moci.Tests.Shared;

/// <summary>
/// A VictoriaMetrics server (Debian's <c>victoria-metrics</c>, which scripts/test.sh installs) on a free port with its
/// data in a temp folder, for tests and benchmarks of the InfluxDB write path: it takes InfluxDB 2.x line protocol on
/// <c>/api/v2/write</c> as InfluxDB.Client sends it, and stores each field as a series named
/// <c>{measurement}_{field}</c> with the tags as labels, which <c>/api/v1/export</c> returns. Retention is a century,
/// so that readings of any test date are kept. Compiled into every test project.
/// </summary>
public sealed class VictoriaMetrics : IAsyncDisposable
{
    private static readonly string[] Binaries = ["/usr/bin/victoria-metrics", "/usr/bin/victoria-metrics-prod"];

    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private VictoriaMetrics(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The port it listens on (loopback).</summary>
    public int Port { get; }

    /// <summary>Its address, such as <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>Starts a server and waits until it takes connections.</summary>
    /// <exception cref="InvalidOperationException">victoria-metrics is not installed.</exception>
    public static async Task<VictoriaMetrics> StartAsync()
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("victoria-metrics is not installed: scripts/test.sh installs it (apt-get install victoria-metrics).");
        var folder = Path.Combine(Path.GetTempPath(), "moci-tests", "vm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-storageDataPath", Path.Combine(folder, "data"),
            "-httpListenAddr", $"127.0.0.1:{port}",
            "-retentionPeriod", "100y",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        // Its log is not needed, but an unread pipe that fills up would stop it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new VictoriaMetrics(process, folder, port);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Every series whose name matches the regular expression <paramref name="nameRegex"/>, as stored now.</summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportAsync(string nameRegex)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("match[]", $"{{__name__=~\"{nameRegex}\"}}")]);
        using var response = await _http.PostAsync("/api/v1/export", content);
        response.EnsureSuccessStatusCode();
        var series = new List<ExportedSeries>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var labels = json.RootElement.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var values = json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var times = json.RootElement.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()).ToArray();
            series.Add(new ExportedSeries(labels["__name__"], labels, values, times));
        }

        return series.OrderBy(s => string.Join(",", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")), StringComparer.Ordinal).ToList();
    }

    /// <summary>Stops the server and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
