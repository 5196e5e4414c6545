using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Moci.SystemTests.Support;

/// <summary>
/// A program started by a test, with its output kept for assertions and failure messages; the whole
/// process tree is killed on dispose.
/// </summary>
public sealed partial class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"{fileName} exited with code {_process.ExitCode} before listening.\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the program printed so far.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process, e.g. to send it a signal.</summary>
    public int Id => _process.Id;

    /// <summary>The address from ASP.NET Core's "Now listening on:" line.</summary>
    public Task<Uri> Listening => _listening.Task;

    /// <summary>
    /// Sends SIGKILL, as <c>kill -9</c> does (a crash or a power cut: no shutdown code runs), and waits until the
    /// process is gone.
    /// </summary>
    public async Task KillNineAsync()
    {
        var timeout = TimeSpan.FromSeconds(10);
        var kill = await ProcessRun.RunAsync("kill", ["-9", Id.ToString(CultureInfo.InvariantCulture)], timeout);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -9 failed:\n{kill}");
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    [GeneratedRegex(@"Now listening on: (?<url>\S+)")]
    private static partial Regex ListeningLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

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
