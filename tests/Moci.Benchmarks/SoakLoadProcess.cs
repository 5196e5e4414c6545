using System.Diagnostics;
using System.Globalization;

namespace Moci.Benchmarks;

/// <summary>The benchmark's side of one <see cref="SoakLoad"/> process: its lines, its start signal, its result.</summary>
internal sealed class SoakLoadProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _resultFile;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private TimeSpan _cpuTime;
    private volatile SoakProgress _progress = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public SoakLoadProcess(int port, string stationsFile, int first, int count, int stations, double messagesPerSecond, double seconds, string resultFile)
    {
        _resultFile = resultFile;
        _process = SoakLoad.Start(port, stationsFile, first, count, stations, messagesPerSecond, seconds, resultFile);
        _reading = ReadAsync();
    }

    /// <summary>Completes once every station of the process is connected.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes once the process has written its result.</summary>
    public Task Done => _done.Task;

    /// <summary>The latest progress line.</summary>
    public SoakProgress Progress => _progress;

    /// <summary>The process's CPU time so far; after it has exited, the last value read.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            if (!_process.HasExited)
            {
                _cpuTime = _process.TotalProcessorTime;
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the two calls: keep the last value.
        }

        return _cpuTime;
    }

    /// <summary>Sends the shared start time.</summary>
    public async Task GoAsync(DateTimeOffset start)
    {
        await _process.StandardInput.WriteLineAsync(FormattableString.Invariant($"go {start.ToUnixTimeMilliseconds()}"));
        await _process.StandardInput.FlushAsync();
    }

    public async Task<SoakLoadResult> ResultAsync()
    {
        await _done.Task;
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return SoakLoadResult.Read(_resultFile);
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "connected":
                    _connected.TrySetResult();
                    break;
                case "progress":
                    var n = parts[1..].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                    _progress = new SoakProgress(n[0], (long)n[1], (long)n[2], (long)n[3], (long)n[4], (long)n[5], (long)n[6], (long)n[7], n[8]);
                    break;
                case "unpublished":
                    break;
                case "done":
                    _done.TrySetResult();
                    break;
                default:
                    Console.WriteLine("load: " + line);
                    break;
            }
        }

        var failure = new InvalidOperationException($"a load process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}) before it finished");
        _connected.TrySetException(failure);
        _done.TrySetException(failure);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
