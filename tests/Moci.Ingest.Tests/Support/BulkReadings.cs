using Microsoft.Data.Sqlite;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// Fills a hub database with millions of readings in seconds: one generated INSERT … SELECT over a recursive
/// CTE inside SQLite, past the intake (a test of reading does not need a million checks). Values cycle through
/// −50.0 … 149.9, negatives included; every 97th reading is flagged out of range. Also used by the benchmarks.
/// </summary>
internal static class BulkReadings
{
    /// <summary>
    /// Adds <paramref name="count"/> readings of one series, <paramref name="step"/> apart from
    /// <paramref name="from"/>. The database must exist (open a <c>SqliteReadingStore</c> on it first).
    /// </summary>
    public static void Seed(string databasePath, string station, string metric, DateTimeOffset from, TimeSpan step, long count)
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
                   $from + i * $step,
                   ((i * 7919) % 2000) / 10.0 - 50.0,
                   CASE WHEN i % 97 = 0 THEN 1 ELSE 0 END
            FROM n
            WHERE true -- SQLite needs a WHERE between SELECT … FROM and an upsert clause
            ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$station", station);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$step", (long)step.TotalMilliseconds);
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
