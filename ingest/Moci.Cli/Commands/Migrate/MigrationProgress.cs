using Microsoft.Data.Sqlite;

namespace Moci.Cli.Commands.Migrate;

/// <summary>
/// How far <c>moci migrate</c> has copied each series to one target, kept in the hub's own SQLite file (table
/// <c>migrate_progress</c>) so that a run that stopped (cancelled, the network gone) carries on where it was. A
/// series is copied oldest first and its row is saved after each batch InfluxDB has taken, so a restart writes at
/// most one batch again, which InfluxDB overwrites with the same points. Not thread-safe: one command uses it.
/// </summary>
internal sealed class MigrationProgress : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _target;

    /// <param name="databasePath">The hub's database.</param>
    /// <param name="target">What the copy goes to (server, organisation, bucket): progress to another target starts afresh.</param>
    public MigrationProgress(string databasePath, string target)
    {
        _target = target;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 10 }.ToString());
        _connection.Open();
        Execute("""
            CREATE TABLE IF NOT EXISTS migrate_progress (
                target       TEXT    NOT NULL,
                station      TEXT    NOT NULL,
                metric       TEXT    NOT NULL,
                copied_until INTEGER NOT NULL,
                copied       INTEGER NOT NULL,
                PRIMARY KEY (target, station, metric)
            )
            """);
    }

    /// <summary>Every series of the store with its readings counted and its progress, by station and metric.</summary>
    public IReadOnlyList<SeriesCopy> Series()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT s.station, s.metric, (SELECT count(*) FROM readings r WHERE r.series = s.id), p.copied_until, coalesce(p.copied, 0)
            FROM series s
            LEFT JOIN migrate_progress p ON p.target = $target AND p.station = s.station AND p.metric = s.metric
            ORDER BY s.station, s.metric
            """;
        command.Parameters.AddWithValue("$target", _target);
        using var reader = command.ExecuteReader();
        var series = new List<SeriesCopy>();
        while (reader.Read())
        {
            series.Add(new SeriesCopy(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt64(4)));
        }

        return series;
    }

    /// <summary>Remembers that the series is copied up to and including <paramref name="copiedUntil"/> (Unix milliseconds).</summary>
    public void Save(string station, string metric, long copiedUntil, long copied)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO migrate_progress (target, station, metric, copied_until, copied) VALUES ($target, $station, $metric, $until, $copied)
            ON CONFLICT (target, station, metric) DO UPDATE SET copied_until = excluded.copied_until, copied = excluded.copied
            """;
        command.Parameters.AddWithValue("$target", _target);
        command.Parameters.AddWithValue("$station", station);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$until", copiedUntil);
        command.Parameters.AddWithValue("$copied", copied);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
