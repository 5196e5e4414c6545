using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Exports;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>
/// <c>-- export [rows…]</c>: a CSV export (long layout, RFC 4180, two series of one station) of 1 M and 10 M
/// rows from a SQLite file, through the same <see cref="ExportWriter"/> as the API, into a stream that counts
/// the bytes. Prints rows/s and the peak resident memory of the export alone: the kernel's high-water mark
/// (VmHWM) is reset after the database is filled (<c>/proc/self/clear_refs</c>, value 5). Reading the same rows
/// from the store without writing them is timed first, to show what the CSV costs on top. On a shared machine the
/// wall clock depends on the other load; rows per CPU second (all threads of the process) does much less.
/// </summary>
internal static class ExportBenchmark
{
    private static readonly DateTimeOffset From = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(IReadOnlyList<long> sizes)
    {
        var station = new Station("rrg-school-01", "Rrogozhina school roof", StationKind.Air, 41.076, 19.667, null);
        foreach (var rows in sizes)
        {
            foreach (var dialect in new[] { CsvDialect.Rfc4180, CsvDialect.Spreadsheet })
            {
                var folder = Path.Combine(Path.GetTempPath(), "moci-export-bench-" + Guid.NewGuid().ToString("N"));
                try
                {
                    using var store = new SqliteReadingStore(Path.Combine(folder, "bench.db"));
                    var seedWatch = Stopwatch.StartNew();
                    Seed(store.DatabasePath, station.Id, "pm2_5", rows / 2);
                    Seed(store.DatabasePath, station.Id, "pm10", rows - (rows / 2));
                    seedWatch.Stop();

                    var request = new ExportRequest(
                        [station], [MetricCatalogue.Pm2_5, MetricCatalogue.Pm10], From, From.AddYears(10),
                        ExportFormat.Csv, ExportLayout.Long, dialect, TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane"));
                    var writer = new ExportWriter(store, new ExportNotice(new ExportOptions()));

                    // The store's part alone: the same rows read and dropped, to tell reading from writing.
                    var readWatch = Stopwatch.StartNew();
                    long read = 0;
                    await foreach (var _ in ExportSource.LongAsync(store, request))
                    {
                        read++;
                    }

                    readWatch.Stop();
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    ResetPeakRss();
                    var rssBefore = Status("VmRSS:");
                    var sink = new CountingStream();
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    var written = await writer.WriteAsync(sink, request);
                    watch.Stop();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    var peak = Status("VmHWM:");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"export csv {dialect.ToString().ToLowerInvariant()}: {written:N0} rows, {sink.Bytes / 1e6:F0} MB in {watch.Elapsed.TotalSeconds:F2} s = {written / watch.Elapsed.TotalSeconds:N0} rows/s " +
                        $"({sink.Bytes / 1e6 / watch.Elapsed.TotalSeconds:F0} MB/s), {written / cpu.TotalSeconds:N0} rows per CPU second; RSS before {rssBefore / 1024.0:F0} MiB, peak {peak / 1024.0:F0} MiB; " +
                        $"heap {GC.GetTotalMemory(false) / 1e6:F0} MB; reading alone {read / readWatch.Elapsed.TotalSeconds:N0} rows/s; seeded in {seedWatch.Elapsed.TotalSeconds:F1} s"));
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>One generated INSERT … SELECT: readings 5 s apart, values −50.0 … 149.9, every 97th flagged.</summary>
    private static void Seed(string databasePath, string station, string metric, long count)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO series (station, metric) VALUES ($station, $metric) ON CONFLICT DO NOTHING;
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $count)
            INSERT INTO readings (series, ts, value, flags)
            SELECT (SELECT id FROM series WHERE station = $station AND metric = $metric),
                   $from + i * 5000, ((i * 7919) % 2000) / 10.0 - 50.0, CASE WHEN i % 97 = 0 THEN 1 ELSE 0 END
            FROM n WHERE true ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$station", station);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$from", From.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Resets the kernel's peak-RSS mark of this process (Linux 4.0+), so that VmHWM measures from now.</summary>
    private static void ResetPeakRss() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>A field of /proc/self/status in KiB.</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Bytes += count;
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
