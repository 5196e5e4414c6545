using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;

namespace Moci.Benchmarks;

/// <summary>
/// The station side of <see cref="BackfillBenchmark"/> as its own process (this benchmark program in
/// <see cref="Mode"/>), so that its memory is the station's alone: sends the day before the outage from its own
/// outbox (untimed: a running station has sent readings before, its code is compiled), then opens the week's outbox,
/// drains it to the hub and prints how long that took and its peak resident memory (VmHWM, the warm-up included).
/// </summary>
internal static class BackfillStation
{
    public const string Mode = "backfill-station";

    /// <summary>Starts the station process and waits for its report.</summary>
    public static async Task<(double Seconds, double PeakRssMiB, double CpuSeconds)> RunAsync(
        int port, string secret, string warmUpFolder, string outboxFolder, int batchReadings, int window)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(BackfillStation).Assembly.Location, Mode, Text(port), secret, outboxFolder, Text(batchReadings), Text(window), warmUpFolder])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync();
        var report = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("drained ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the station process exited with {process.ExitCode} without a report: {output}");
        var parts = report.Split(' ');
        return (double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture));

        static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The station process: drains the day before, then the outbox, and prints <c>drained READINGS SECONDS PEAK_RSS_MIB CPU_SECONDS</c> of the latter.</summary>
    public static async Task MainAsync(string[] args)
    {
        // Online, a station sends what it takes in small batches, many of them: enough calls for the runtime to
        // compile the sending code fully (tiered compilation), as it has on a station that ran before the outage.
        await DrainAsync(args, args[6], batchReadings: WarmUpBatchReadings);
        await JitSettledAsync();
        var (waiting, seconds, cpu) = await DrainAsync(args, args[3], int.Parse(args[4], CultureInfo.InvariantCulture));
        Console.WriteLine(FormattableString.Invariant($"drained {waiting} {seconds:F3} {PeakRssMiB():F1} {cpu:F2}"));
    }

    /// <summary>Readings per batch while the day before is sent: 144 batches, fewer than the hub's burst of messages with the week's.</summary>
    private const int WarmUpBatchReadings = 100;

    /// <summary>Waits until the runtime has compiled nothing new for a while (at most 30 s): its background compilation of what ran is done.</summary>
    private static async Task JitSettledAsync()
    {
        var quiet = 0;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var wait = Stopwatch.StartNew(); quiet < 5 && wait.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
    }

    private static async Task<(long Readings, double Seconds, double CpuSeconds)> DrainAsync(string[] args, string outboxFolder, int batchReadings)
    {
        var options = new PublisherOptions
        {
            Host = "127.0.0.1",
            Port = int.Parse(args[1], CultureInfo.InvariantCulture),
            MaxBatchReadings = batchReadings,
            MaxBatchesInFlight = int.Parse(args[5], CultureInfo.InvariantCulture),
        };
        using var publisher = new StationPublisher(BackfillBenchmark.Station, args[2], options, new OutboxOptions { Directory = outboxFolder }, TimeProvider.System, NullLogger.Instance);
        var waiting = publisher.Outbox.ReadingsWaiting;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Acknowledged += _ =>
        {
            if (publisher.Outbox.ReadingsWaiting == 0)
            {
                drained.TrySetResult();
            }
        };
        using var stop = new CancellationTokenSource();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var running = publisher.RunAsync(stop.Token);
        await drained.Task.WaitAsync(TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await running;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return (waiting, seconds, cpu);
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
