using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Queries;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Benchmarks;

/// <summary>
/// The hourly series of a year of one-minute readings of one station and metric (525 600 readings), as a chart of a
/// year needs it: (a) an hourly GROUP BY over the readings in SQL, and (b) the query service over the rollups, with
/// completeness. Interleaved, median of the rounds; prints <c>ratio=</c>(b)/(a) last. Also prints where (b)'s time
/// goes and the mean of (b) over a thousand calls in a row.
/// </summary>
internal static class ChartBenchmark
{
    private const string Station = "bench-01";
    private const string Metric = "pm2_5";

    private const int WarmUpCalls = 60;

    private const int CallsInARow = 1_000;

    public static async Task RunAsync(int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-chart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "chart.db");
            var end = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var year = new TimeRange(end.AddDays(-365), end);
            using var store = new SqliteReadingStore(path);
            var fill = Stopwatch.StartNew();
            var minutes = (int)year.Duration.TotalMinutes;
            for (var start = 0; start < minutes; start += 10_000)
            {
                var batch = Enumerable.Range(start, Math.Min(10_000, minutes - start))
                    .Select(i => new Reading(Station, Metric, year.From.AddMinutes(i), 10 + 15 * Math.Sin(i / 720.0) + i % 7, i % 997 == 0 ? QaFlags.OutOfRange : QaFlags.None))
                    .ToArray();
                await store.WriteAsync(batch);
            }

            Console.WriteLine($"stored {minutes:N0} one-minute readings (with their rollups) in {fill.Elapsed.TotalSeconds:F1} s");
            var queries = new SeriesQueries(store);
            var readConnection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

            // Warm-up of both paths, uncounted, until both run the code a hub that has been up for a while runs: the JIT
            // optimises a method after it has been called 30 times (tiered compilation), and the scan spends its time
            // in SQLite, ours in .NET code.
            var rawHours = await RawScanAsync(readConnection, year);
            await RawScanAsync(readConnection, year);
            var ourHours = 0;
            for (var i = 0; i < WarmUpCalls; i++)
            {
                ourHours = (await queries.PeriodsAsync(Station, Metric, Resolution.Hour, year)).Periods.Count;
            }
            if (rawHours != ourHours)
            {
                throw new InvalidOperationException($"the raw scan gives {rawHours} hours, the rollups {ourHours}");
            }

            var raw = new List<double>();
            var ours = new List<double>();
            var pauses = new List<double>();
            var fullCollections = 0;
            for (var round = 0; round < rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                await RawScanAsync(readConnection, year);
                raw.Add(watch.Elapsed.TotalMilliseconds);
                var (pauseBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
                watch.Restart();
                await queries.PeriodsAsync(Station, Metric, Resolution.Hour, year);
                ours.Add(watch.Elapsed.TotalMilliseconds);
                pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
                fullCollections += GC.CollectionCount(2) - gen2Before;
            }

            // Where the time of our path goes: the usual interval (newest readings) and the hourly rollups read.
            var interval = new List<double>();
            var rollups = new List<double>();
            var alone = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                await store.TypicalIntervalAsync(Station, Metric, year.To);
                interval.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await foreach (var _ in store.ReadRollupsAsync(Station, Metric, RollupPeriod.Hour, year))
                {
                }

                rollups.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await queries.PeriodsAsync(Station, Metric, Resolution.Hour, year);
                alone.Add(watch.Elapsed.TotalMilliseconds);
            }

            // Calls in a row, as a hub drawing charts one after the other makes them: the mean includes the collections
            // that the garbage of earlier calls brings about, which a median of single calls leaves out.
            var (gen2BeforeRow, pauseBeforeRow) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var inARow = Stopwatch.StartNew();
            for (var call = 0; call < CallsInARow; call++)
            {
                await queries.PeriodsAsync(Station, Metric, Resolution.Hour, year);
            }

            var perCall = inARow.Elapsed.TotalMilliseconds / CallsInARow;
            var (gen2InARow, pauseInARow) = (GC.CollectionCount(2) - gen2BeforeRow, (GC.GetTotalPauseDuration() - pauseBeforeRow).TotalMilliseconds);

            Console.WriteLine(FormattableString.Invariant(
                $"  not interleaved with the scan: usual interval {Statistics.Median(interval):F2} ms, hourly rollups read {Statistics.Median(rollups):F2} ms, query service {Statistics.Median(alone):F2} ms"));
            Console.WriteLine(FormattableString.Invariant(
                $"  {CallsInARow:N0} calls in a row: {perCall:F2} ms a call; {gen2InARow} full collections, GC paused {pauseInARow:F0} ms in all"));
            Console.WriteLine(FormattableString.Invariant(
                $"  interleaved: GC pauses during our path {Statistics.Median(pauses):F2} ms median, {pauses.Max():F2} ms at most; {fullCollections} full collections in {rounds} rounds"));
            var (rawMedian, ourMedian) = (Statistics.Median(raw), Statistics.Median(ours));
            Console.WriteLine(FormattableString.Invariant($"raw scan (SQL GROUP BY hour over {minutes:N0} readings): {rawMedian:F1} ms, median of {rounds}"));
            Console.WriteLine(FormattableString.Invariant($"rollups (query service, {ourHours:N0} hours with completeness): {ourMedian:F2} ms, median of {rounds}"));
            Console.WriteLine(FormattableString.Invariant($"ratio={ourMedian / rawMedian:F4}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The hourly mean, lowest, highest and count of valid readings by a scan of the readings; returns the hours.</summary>
    private static async Task<int> RawScanAsync(string connectionString, TimeRange range)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.ts - r.ts % 3600000 AS hour, avg(r.value), min(r.value), max(r.value), count(*)
            FROM readings r
            WHERE r.series = (SELECT id FROM series WHERE station = $station AND metric = $metric)
              AND r.ts >= $from AND r.ts < $to AND r.flags = 0
            GROUP BY hour
            ORDER BY hour
            """;
        command.Parameters.AddWithValue("$station", Station);
        command.Parameters.AddWithValue("$metric", Metric);
        command.Parameters.AddWithValue("$from", range.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", range.To.ToUnixTimeMilliseconds());
        var hours = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hours++;
        }

        return hours;
    }
}
