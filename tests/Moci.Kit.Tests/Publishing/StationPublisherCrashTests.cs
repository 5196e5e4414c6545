using System.Diagnostics;
using System.Globalization;
using Moci.Kit.Tests.Support;

namespace Moci.Kit.Tests.Publishing;

/// <summary>
/// A station as a real child process (<c>Moci.Kit.Probe</c>: outbox and publisher, no simulator) killed with
/// SIGKILL while it writes, and again while the hub is away: after a restart every reading it reported as taken
/// reaches the <see cref="TestHub"/>, and nothing it did not take.
/// </summary>
[NonParallelizable]
public sealed class StationPublisherCrashTests
{
    private const string Station = "rrg-crash-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task KilledDuringWritesAndDuringAnOutage_EveryReadingItTookArrivesAfterTheRestart()
    {
        await using var hub = await TestHub.StartAsync();
        hub.AcknowledgeOnReceipt = true;
        using var folder = new TempDirectory();
        var taken = new SortedSet<int>();

        // Killed while it takes readings and publishes them.
        var written = await RunUntilKilledAsync(hub.Port, folder.Path, first: 0, takenAtLeast: 200, taken);

        // Killed while the hub is away and readings pile up in the outbox.
        await hub.StopAsync();
        written = await RunUntilKilledAsync(hub.Port, folder.Path, first: written, takenAtLeast: 200, taken);

        // Back: a third run takes a few more and sends everything.
        await hub.RestartAsync();
        using var last = Probe.Start(hub.Port, folder.Path, written, 20);
        await last.WaitUntilAsync(l => l == "done", Timeout);
        taken.UnionWith(last.Taken);
        var received = await hub.WaitForBatchesAsync(b => taken.IsSubsetOf(MinutesOf(b)), Timeout);
        last.Kill();

        var arrived = received.SelectMany(b => b.Readings).Select(r => (r.Metric, r.Timestamp, r.Value)).Distinct().ToList();
        var minutes = MinutesOf(received);
        Assert.That(taken.Except(minutes), Is.Empty, "every reading reported as taken arrives");
        Assert.That(minutes, Is.EqualTo(Enumerable.Range(0, written + 20)), "the runs took every minute once or twice, and nothing else arrives");
        Assert.That(arrived, Has.Count.EqualTo(2 * minutes.Count), "each minute's two readings, each stored once");
        Assert.That(received.Select(b => b.Problem), Has.All.Null);
    }

    private static SortedSet<int> MinutesOf(IEnumerable<ReceivedBatch> batches) =>
        [.. batches.SelectMany(b => b.Readings).Where(r => r.Metric == "pm2_5").Select(r => (int)r.Value)];

    /// <summary>Starts a probe, kills it once it has taken <paramref name="takenAtLeast"/> readings; returns the minute to go on from.</summary>
    private static async Task<int> RunUntilKilledAsync(int port, string folder, int first, int takenAtLeast, SortedSet<int> taken)
    {
        using var probe = Probe.Start(port, folder, first, 100_000);
        await probe.WaitUntilAsync(_ => probe.Taken.Count >= takenAtLeast, Timeout);
        probe.Kill();
        taken.UnionWith(probe.Taken);

        // The minute after the last one it said it took; one it stored without saying so is stored again, harmlessly.
        return probe.Taken.Max() + 1;
    }

    /// <summary>The probe process and the readings it reported as taken. Thread-safe.</summary>
    private sealed class Probe : IDisposable
    {
        private readonly Process _process;
        private readonly Lock _lock = new();
        private readonly List<int> _taken = [];
        private readonly List<string> _lines = [];
        private TaskCompletionSource _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Probe(Process process)
        {
            _process = process;
        }

        public IReadOnlyList<int> Taken
        {
            get
            {
                lock (_lock)
                {
                    return [.. _taken];
                }
            }
        }

        public static Probe Start(int port, string folder, int first, int count)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Moci.Kit.Probe.dll"), Station, port.ToString(CultureInfo.InvariantCulture), folder, first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(arg);
            }

            var probe = new Probe(new Process { StartInfo = info });
            probe._process.OutputDataReceived += (_, e) => probe.OnLine(e.Data);
            probe._process.ErrorDataReceived += (_, e) => probe.OnLine(e.Data is null ? null : "stderr: " + e.Data);
            probe._process.Start();
            probe._process.BeginOutputReadLine();
            probe._process.BeginErrorReadLine();
            return probe;
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lock)
            {
                _lines.Add(line);
                if (line.StartsWith("taken ", StringComparison.Ordinal))
                {
                    _taken.Add(int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture));
                }
            }

            Interlocked.Exchange(ref _line, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        /// <summary>Waits, line by line, until a line satisfies <paramref name="done"/> (or the state it reflects does).</summary>
        public async Task WaitUntilAsync(Func<string, bool> done, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (true)
            {
                var next = Volatile.Read(ref _line).Task;
                string? lastLine;
                lock (_lock)
                {
                    lastLine = _lines.Count > 0 ? _lines[^1] : null;
                }

                if (lastLine is not null && done(lastLine))
                {
                    return;
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the probe exited with {_process.ExitCode}: {string.Join('\n', _lines.TakeLast(20))}");
                }

                try
                {
                    await next.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"not reached within {timeout}; the probe said: {string.Join('\n', _lines.TakeLast(20))}");
                }
            }
        }

        /// <summary>SIGKILL: no clean-up runs in the probe.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
