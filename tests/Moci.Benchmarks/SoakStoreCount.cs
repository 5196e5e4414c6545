using Microsoft.Data.Sqlite;

namespace Moci.Benchmarks;

/// <summary>What the hub's SQLite file holds after the soak, read through a read-only connection.</summary>
/// <param name="StoredPerStation">Readings stored per station: distinct (metric, time), since the table's key is (series, time).</param>
/// <param name="Rows">Rows of the readings table.</param>
/// <param name="DuplicateRows">Rows whose (series, time) another row already has (the key forbids them; counted all the same).</param>
/// <param name="HourRollupCount">The sum of the hourly rollups' reading counts: equal to <paramref name="Rows"/> unless a reading was rolled up twice or not at all.</param>
/// <param name="DayRollupCount">The same for the daily rollups.</param>
/// <param name="SeriesRollupMismatches">Series whose hourly rollup count differs from their rows.</param>
/// <param name="DeadLetters">Dead letters stored (rejected messages or records, conflicts).</param>
internal sealed record SoakStoreCount(
    IReadOnlyDictionary<string, long> StoredPerStation,
    long Rows,
    long DuplicateRows,
    long HourRollupCount,
    long DayRollupCount,
    long SeriesRollupMismatches,
    long DeadLetters)
{
    public static SoakStoreCount Read(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 120,
        }.ToString());
        connection.Open();

        var perStation = new Dictionary<string, long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT s.station, COUNT(*) FROM readings r JOIN series s ON s.id = r.series GROUP BY s.station";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                perStation[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new SoakStoreCount(
            perStation,
            Scalar(connection, "SELECT COUNT(*) FROM readings"),
            Scalar(connection, "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM readings GROUP BY series, ts HAVING n > 1)"),
            Scalar(connection, "SELECT COALESCE(SUM(value_count), 0) FROM rollups_hour"),
            Scalar(connection, "SELECT COALESCE(SUM(value_count), 0) FROM rollups_day"),
            Scalar(connection, """
                SELECT COUNT(*) FROM (SELECT series, COUNT(*) AS n FROM readings GROUP BY series) r
                FULL JOIN (SELECT series, SUM(value_count) AS n FROM rollups_hour GROUP BY series) h USING (series)
                WHERE r.n IS NOT h.n
                """),
            Scalar(connection, "SELECT COUNT(*) FROM dead_letters"));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return (long)command.ExecuteScalar()!;
    }
}
