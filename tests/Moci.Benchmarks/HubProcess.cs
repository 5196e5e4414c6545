using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Moci.Benchmarks;

/// <summary>The ingest as its own process (the Moci.Ingest build next to the benchmarks), so its memory is measured alone.</summary>
internal sealed partial class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubProcess(IDictionary<string, string> settings)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Moci.Ingest.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Task<Uri> Listening => _listening.Task;

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, for reading its figures under <c>/proc</c>.</summary>
    public int Id => _process.Id;

    /// <summary>Resident memory of the process in MiB (VmRSS).</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    [GeneratedRegex(@"Now listening on: (?<url>\S+)")]
    private static partial Regex ListeningLine();

    private void OnLine(string? line)
    {
        if (line is not null && ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
