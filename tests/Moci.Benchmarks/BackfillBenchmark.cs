using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moci.Ingest;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Readings;

namespace Moci.Benchmarks;

/// <summary>
/// A station back after a week offline: its outbox holds 7 days of ten readings a minute (≈ 100 k).
/// (a) The raw insert rate of exactly those rows, in batches of the same size, into the hub's SQLite store (same
/// schema and durability, no broker, no intake); (b) the drain: the station, as its own process
/// (<see cref="BackfillStation"/>), sends the outbox through the hub's embedded broker to the intake, which commits
/// and acknowledges each batch. Prints both, the station process's peak RSS while draining, the outbox's size for
/// 30 days of such readings, and, last, <c>ratio=</c>(b)/(a).
/// <para>
/// Both sides are timed warm, as they are in the field: a station's bridge runs through the outage (it keeps taking
/// readings), and it sent readings before it, so its code is compiled when the hub comes back. So the station
/// process first sends the day before the outage, untimed, in batches of 100 as an online station sends them (many
/// calls, so the runtime compiles the sending code fully) and waits until it has nothing left to compile; the raw side
/// first inserts that same day, untimed. Then each times the week.
/// </para>
/// </summary>
public static class BackfillBenchmark
{
    public const string Station = "rrg-backfill-01";

    // Ten readings a minute from one air kit: its eight metrics every minute, and PM2.5 and PM10 also at the half
    // minute (the hub refuses water metrics from an air station, so ten different metrics cannot come from one kit).
    private static readonly (string Metric, double Level, int Second)[] PerMinute =
    [
        ("pm1", 8, 0), ("pm2_5", 12, 0), ("pm10", 20, 0), ("temperature", 15, 0), ("humidity", 60, 0),
        ("pressure", 1013, 0), ("co2", 420, 0), ("battery_voltage", 5.1, 0), ("pm2_5", 12, 30), ("pm10", 20, 30),
    ];

    public static async Task RunAsync(int days, int batchReadings, int window, int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-backfill-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var end = DateTimeOffset.UtcNow.AddMinutes(-1);
            var start = end - TimeSpan.FromDays(days);
            start = new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            var readings = Readings(start, end);
            var dayBefore = Readings(start - TimeSpan.FromDays(1), start);
            Console.WriteLine($"{days} days × {PerMinute.Length} readings per minute = {readings.Count:N0} readings; batches of {batchReadings}, {window} in flight; {rounds} rounds interleaved");

            var raw = new List<double>();
            var drain = new List<double>();
            var peakRss = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var roundFolder = Directory.CreateDirectory(Path.Combine(folder, $"round-{round}")).FullName;
                raw.Add(InsertRate(Path.Combine(roundFolder, "raw.db"), dayBefore, readings, batchReadings));
                Console.WriteLine($"round {round}: raw insert into the hub's store {raw[^1],9:N0} readings/s");

                var warmUpFolder = Path.Combine(roundFolder, "station-day-before");
                Fill(new OutboxOptions { Directory = warmUpFolder }, dayBefore);
                var outboxFolder = Path.Combine(roundFolder, "station");
                var outboxBytes = Fill(new OutboxOptions { Directory = outboxFolder }, readings);
                var (rate, rss) = await DrainAsync(roundFolder, warmUpFolder, dayBefore.Count, outboxFolder, readings.Count, batchReadings, window);
                drain.Add(rate);
                peakRss.Add(rss);
                Console.WriteLine($"round {round}: drain of a {outboxBytes / 1e6:F1} MB outbox {rate,9:N0} readings/s, each committed and acknowledged; station peak RSS {rss:F0} MiB");
            }

            var month = Readings(end - TimeSpan.FromDays(30), end);
            var monthBytes = Fill(new OutboxOptions { Directory = Path.Combine(folder, "month") }, month);
            Console.WriteLine($"outbox holding 30 days ({month.Count:N0} readings): {monthBytes:N0} bytes ({monthBytes / 1e6:F1} MB)");
            Console.WriteLine($"station process peak RSS while draining: {peakRss.Max():F0} MiB (highest of {rounds})");
            Console.WriteLine($"raw={Statistics.Median(raw):F0} readings/s (median)");
            Console.WriteLine($"drain={Statistics.Median(drain):F0} readings/s (median, through broker and ingest, each committed and acknowledged)");
            Console.WriteLine($"ratio={Statistics.Median(drain) / Statistics.Median(raw):F2}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One reading per metric per minute in <c>[from, to)</c>, oldest first, with values that vary as real ones do.</summary>
    private static List<Reading> Readings(DateTimeOffset from, DateTimeOffset to)
    {
        var start = new DateTimeOffset(from.Ticks - (from.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var readings = new List<Reading>();
        for (var (at, minute) = (start, 0); at < to; at = at.AddMinutes(1), minute++)
        {
            for (var m = 0; m < PerMinute.Length; m++)
            {
                var (metric, level, second) = PerMinute[m];
                var value = level * (1 + (0.1 * Math.Sin((minute / 90.0) + m)) + (0.01 * Math.Sin(minute * 7.3)));
                readings.Add(new Reading(Station, metric, at.AddSeconds(second), Math.Round(value, 2)));
            }
        }

        return readings;
    }

    /// <summary>Inserts <paramref name="warmUp"/> untimed, then <paramref name="readings"/> timed, in batches of <paramref name="batchReadings"/>; returns the timed rate.</summary>
    private static double InsertRate(string path, List<Reading> warmUp, List<Reading> readings, int batchReadings)
    {
        using var store = new SqliteReadingStore(path);
        Insert(warmUp);
        var clock = Stopwatch.StartNew();
        Insert(readings);
        return readings.Count / clock.Elapsed.TotalSeconds;

        void Insert(List<Reading> batch)
        {
            for (var i = 0; i < batch.Count; i += batchReadings)
            {
                store.WriteAsync(batch.GetRange(i, Math.Min(batchReadings, batch.Count - i))).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Stores <paramref name="readings"/> in a new outbox an hour at a time, as a station offline would; returns its size in bytes.</summary>
    private static long Fill(OutboxOptions options, List<Reading> readings)
    {
        using var outbox = new Outbox(options.PathOf(Station), Station, options.QuotaBytes, TimeProvider.System);
        for (var i = 0; i < readings.Count; i += 60 * PerMinute.Length)
        {
            outbox.Add(readings.GetRange(i, Math.Min(60 * PerMinute.Length, readings.Count - i)));
        }

        if (outbox.ReadingsDropped > 0)
        {
            throw new InvalidOperationException($"the quota dropped {outbox.ReadingsDropped} readings");
        }

        return outbox.Statistics().Bytes;
    }

    private static async Task<(double ReadingsPerSecond, double PeakRssMiB)> DrainAsync(
        string folder, string warmUpFolder, int warmUpReadings, string outboxFolder, int expected, int batchReadings, int window)
    {
        var port = FreePort.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = Path.Combine(folder, "hub.db"),
            ["Stations:0:Id"] = Station,
        });
        builder.Logging.ClearProviders();
        builder.AddIngest();
        using var host = builder.Build();
        var secret = host.Services.GetRequiredService<StationRegistry>().IssueSecret(Station);
        await host.StartAsync();
        await host.Services.GetRequiredService<MqttIntake>().Subscribed;

        var hubCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await BackfillStation.RunAsync(port, secret, warmUpFolder, outboxFolder, batchReadings, window);
        hubCpu = Process.GetCurrentProcess().TotalProcessorTime - hubCpu;
        var counters = host.Services.GetRequiredService<IngestCounters>().Snapshot();
        Console.WriteLine($"         drain took {result.Seconds:F1} s; CPU while draining: station process {result.CpuSeconds:F1} s, hub {hubCpu.TotalSeconds:F1} s and {counters.MessagesReceived} messages in {counters.BatchesCommitted} commits (both with the day before)");
        await host.StopAsync();
        if (counters.ReadingsStored != warmUpReadings + expected)
        {
            throw new InvalidOperationException(
                $"the hub stored {counters.ReadingsStored} readings, expected {warmUpReadings} + {expected}; rejected: {string.Join(", ", counters.Rejected.Where(r => r.Value > 0))}");
        }

        return (expected / result.Seconds, result.PeakRssMiB);
    }
}
