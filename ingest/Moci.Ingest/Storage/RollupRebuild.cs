using Microsoft.Data.Sqlite;

namespace Moci.Ingest.Storage;

/// <summary>
/// Recomputes the rollups of chosen series from their readings, a week of one series per transaction on the
/// store's writer connection, so that a hub writing beside it waits at most one step, and every step sees (and
/// leaves) readings and rollups in step: the hub adds to both in one transaction. Each step compares what it
/// computes with what is stored and counts the periods it corrects. Not thread-safe: the store runs each step
/// under its write lock.
/// </summary>
internal sealed class RollupRebuild(SqliteConnection writer)
{
    /// <summary>How much of a series one step rebuilds: a week, whole UTC days (so its days add up from its own hours).</summary>
    public const long StepMilliseconds = 7 * RollupSql.DayMilliseconds;

    /// <summary>A series to rebuild, with its first and last reading (Unix milliseconds) when it has any.</summary>
    public sealed record Series(long Id, string Station, string Metric, long? First, long? Last)
    {
        /// <summary>The start of the first step: the UTC day of the first reading.</summary>
        public long Start => RollupSql.Floor(First ?? 0, RollupSql.DayMilliseconds);

        /// <summary>Steps over the readings, and one more that removes rollups no reading is left for.</summary>
        public long Steps => First is null || Last is null
            ? 1
            : (RollupSql.Floor(Last.Value, RollupSql.DayMilliseconds) + RollupSql.DayMilliseconds - Start + StepMilliseconds - 1) / StepMilliseconds + 1;
    }

    /// <summary>What one step found and did.</summary>
    public readonly record struct Step(long Readings, long Hours, long Days, long HoursCorrected, long DaysCorrected);

    /// <summary>The series of <paramref name="stationId"/> and <paramref name="metric"/> (each: any when null), by station and metric.</summary>
    public static async Task<IReadOnlyList<Series>> PlanAsync(string readConnectionString, string? stationId, string? metric, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Two subqueries, so that each of min() and max() is one seek on the (series, ts) key.
        command.CommandText = """
            SELECT s.id, s.station, s.metric,
                   (SELECT min(ts) FROM readings WHERE series = s.id),
                   (SELECT max(ts) FROM readings WHERE series = s.id)
            FROM series s
            WHERE ($station IS NULL OR s.station = $station) AND ($metric IS NULL OR s.metric = $metric)
            ORDER BY s.station, s.metric
            """;
        command.Parameters.AddWithValue("$station", (object?)stationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$metric", (object?)metric ?? DBNull.Value);
        var series = new List<Series>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            series.Add(new Series(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return series;
    }

    /// <summary>
    /// Step <paramref name="index"/> of <paramref name="series"/>: a week of its readings rolled up anew, or, as the
    /// last step, the removal of rollups of periods in which none of its readings is stored any more.
    /// </summary>
    public Step Run(Series series, long index)
    {
        using var transaction = writer.BeginTransaction();
        Execute("""
            CREATE TEMP TABLE IF NOT EXISTS rebuilt_hour (series INTEGER NOT NULL, start INTEGER NOT NULL, value_count INTEGER NOT NULL,
                valid_count INTEGER NOT NULL, valid_sum REAL NOT NULL, valid_min REAL, valid_max REAL, PRIMARY KEY (series, start)) WITHOUT ROWID
            """, transaction);
        Execute("""
            CREATE TEMP TABLE IF NOT EXISTS rebuilt_day (series INTEGER NOT NULL, start INTEGER NOT NULL, value_count INTEGER NOT NULL,
                valid_count INTEGER NOT NULL, valid_sum REAL NOT NULL, valid_min REAL, valid_max REAL, PRIMARY KEY (series, start)) WITHOUT ROWID
            """, transaction);
        var step = index == series.Steps - 1 ? RemoveLeftOver(series.Id, transaction) : Rebuild(series.Id, series.Start + index * StepMilliseconds, transaction);
        transaction.Commit();
        return step;
    }

    private Step Rebuild(long series, long from, SqliteTransaction transaction)
    {
        var to = from + StepMilliseconds;
        Execute("DELETE FROM temp.rebuilt_hour; DELETE FROM temp.rebuilt_day", transaction);
        Execute(RollupSql.HoursFromReadings("temp.rebuilt_hour", "series = $series AND ts >= $from AND ts < $to"), transaction, series, from, to);
        Execute(RollupSql.DaysFromHours("temp.rebuilt_day", "temp.rebuilt_hour", "1"), transaction);
        var hoursCorrected = Replace("rollups_hour", "temp.rebuilt_hour", series, from, to, transaction);
        var daysCorrected = Replace("rollups_day", "temp.rebuilt_day", series, from, to, transaction);
        var (readings, hours) = Totals("temp.rebuilt_hour", transaction);
        var (_, days) = Totals("temp.rebuilt_day", transaction);
        return new Step(readings, hours, days, hoursCorrected, daysCorrected);
    }

    /// <summary>Counts the periods of [<paramref name="from"/>, <paramref name="to"/>) where <paramref name="table"/> differs from <paramref name="rebuilt"/>, then makes it equal.</summary>
    private long Replace(string table, string rebuilt, long series, long from, long to, SqliteTransaction transaction)
    {
        // Sums are compared with a tolerance: adding a batch at a time and adding all at once round differently.
        var differing = Scalar($"""
            SELECT count(*)
            FROM {rebuilt} n FULL JOIN (SELECT * FROM {table} WHERE series = $series AND start >= $from AND start < $to) o ON o.start = n.start
            WHERE NOT (n.value_count IS o.value_count AND n.valid_count IS o.valid_count AND n.valid_min IS o.valid_min
                       AND n.valid_max IS o.valid_max AND abs(n.valid_sum - o.valid_sum) <= 1e-9 * max(1.0, abs(n.valid_sum)))
            """, transaction, series, from, to);
        if (differing > 0)
        {
            Execute($"DELETE FROM {table} WHERE series = $series AND start >= $from AND start < $to", transaction, series, from, to);
            Execute($"INSERT INTO {table} ({RollupSql.Columns}) SELECT {RollupSql.Columns} FROM {rebuilt}", transaction);
        }

        return differing;
    }

    private Step RemoveLeftOver(long series, SqliteTransaction transaction)
    {
        // One seek on the readings' key per rollup: fine for the hours of years.
        var hours = Scalar($"""
            SELECT count(*) FROM rollups_hour h WHERE h.series = $series
              AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.series = $series AND r.ts >= h.start AND r.ts < h.start + {RollupSql.HourMilliseconds})
            """, transaction, series);
        var days = Scalar($"""
            SELECT count(*) FROM rollups_day d WHERE d.series = $series
              AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.series = $series AND r.ts >= d.start AND r.ts < d.start + {RollupSql.DayMilliseconds})
            """, transaction, series);
        if (hours + days > 0)
        {
            Execute($"""
                DELETE FROM rollups_hour WHERE series = $series
                  AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.series = $series AND r.ts >= rollups_hour.start AND r.ts < rollups_hour.start + {RollupSql.HourMilliseconds});
                DELETE FROM rollups_day WHERE series = $series
                  AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.series = $series AND r.ts >= rollups_day.start AND r.ts < rollups_day.start + {RollupSql.DayMilliseconds});
                """, transaction, series);
        }

        return new Step(0, 0, 0, hours, days);
    }

    private (long Readings, long Rows) Totals(string table, SqliteTransaction transaction)
    {
        using var command = Command($"SELECT coalesce(sum(value_count), 0), count(*) FROM {table}", transaction, null, null, null);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private void Execute(string sql, SqliteTransaction transaction, long? series = null, long? from = null, long? to = null)
    {
        using var command = Command(sql, transaction, series, from, to);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql, SqliteTransaction transaction, long? series = null, long? from = null, long? to = null)
    {
        using var command = Command(sql, transaction, series, from, to);
        return (long)command.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql, SqliteTransaction transaction, long? series, long? from, long? to)
    {
        var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (series is not null)
        {
            command.Parameters.AddWithValue("$series", series.Value);
        }

        if (from is not null)
        {
            command.Parameters.AddWithValue("$from", from.Value);
            command.Parameters.AddWithValue("$to", to!.Value);
        }

        return command;
    }
}
