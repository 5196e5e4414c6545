using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;

namespace Moci.Benchmarks;

/// <summary>
/// The station side of <see cref="BackfillBenchmark"/> as its own process (this benchmark program in
/// <see cref="Mode"/>), so that its memory is the station's alone: opens the outbox, drains it to the hub and prints
/// how long that took and its peak resident memory (VmHWM).
/// </summary>
internal static class BackfillStation
{
    public const string Mode = "backfill-station";

    /// <summary>Starts the station process and waits for its report.</summary>
    public static async Task<(double Seconds, double PeakRssMiB, double CpuSeconds)> RunAsync(int port, string secret, string outboxFolder, int batchReadings, int window)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(BackfillStation).Assembly.Location, Mode, Text(port), secret, outboxFolder, Text(batchReadings), Text(window)])
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

    /// <summary>The station process: drains the outbox, then prints <c>drained READINGS SECONDS PEAK_RSS_MIB CPU_SECONDS</c>.</summary>
    public static async Task MainAsync(string[] args)
    {
        var options = new PublisherOptions
        {
            Host = "127.0.0.1",
            Port = int.Parse(args[1], CultureInfo.InvariantCulture),
            MaxBatchReadings = int.Parse(args[4], CultureInfo.InvariantCulture),
            MaxBatchesInFlight = int.Parse(args[5], CultureInfo.InvariantCulture),
        };
        using var publisher = new StationPublisher(BackfillBenchmark.Station, args[2], options, new OutboxOptions { Directory = args[3] }, TimeProvider.System, NullLogger.Instance);
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
        Console.WriteLine(FormattableString.Invariant($"drained {waiting} {seconds:F3} {PeakRssMiB():F1} {cpu:F2}"));
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
