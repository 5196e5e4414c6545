using Microsoft.Data.Sqlite;

namespace Moci.Kit.Publishing;

/// <summary>
/// The SQLite file behind an <see cref="Outbox"/>: opening it durably, its schema and its small table of
/// settings. Not thread-safe: the outbox serialises every use of the connection.
/// </summary>
internal static class OutboxDatabase
{
    /// <summary>Version of the schema below; a file with a newer one is refused.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Pages of write-ahead log after which SQLite copies them into the database: 256 pages of 4 KiB, 1 MiB.</summary>
    public const int AutoCheckpointPages = 256;

    /// <summary>Size the write-ahead log is cut back to after a checkpoint, so it cannot keep a burst's size for ever.</summary>
    public const long WalLimitBytes = 1024 * 1024;

    // Readings are one compact row each: the metric as a small number, the time in Unix milliseconds (6 bytes),
    // the value (8 bytes, or fewer when it is whole) and the QA flags (no bytes when 0). AUTOINCREMENT keeps ids
    // growing even when the newest rows were deleted, so a batch's id range can never come to cover a reading
    // taken after it was formed.
    // One statement per command (see Open).
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS settings (
            key   TEXT PRIMARY KEY,
            value
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE IF NOT EXISTS metrics (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS readings (
            id     INTEGER PRIMARY KEY AUTOINCREMENT,
            metric INTEGER NOT NULL,
            ts     INTEGER NOT NULL,
            value  REAL    NOT NULL,
            flags  INTEGER NOT NULL
        )
        """,
    ];

    /// <summary>
    /// Opens (or creates) the file in WAL mode with <c>synchronous=FULL</c>, so a committed reading survives a
    /// crash of the process and a power cut, and makes sure its tables exist.
    /// </summary>
    /// <exception cref="SqliteException">The file cannot be opened or written.</exception>
    /// <exception cref="InvalidOperationException">WAL mode could not be set, or the file holds a newer schema.</exception>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();

            // One pragma per command: in a command of several, a statement that meets a lock held by another process
            // can be passed over without an error, and the connection would then run without WAL or FULL.
            Execute(connection, "PRAGMA busy_timeout = 10000");
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the outbox '{path}' could not be switched to WAL mode (it stayed in '{mode}')");
            }

            Execute(connection, "PRAGMA synchronous = FULL");
            if (Scalar(connection, "PRAGMA synchronous") is not 2L)
            {
                throw new InvalidOperationException($"the outbox '{path}' could not be set to synchronous=FULL");
            }

            Execute(connection, $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages}");
            Execute(connection, $"PRAGMA journal_size_limit = {WalLimitBytes}");
            Migrate(connection, path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var statement in Schema)
        {
            Execute(connection, statement, transaction);
        }

        if (Read(connection, "schema", transaction) is long existing && existing > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"the outbox '{path}' holds schema version {existing}, newer than this release understands ({SchemaVersion}); upgrade the bridge");
        }

        Write(connection, "schema", SchemaVersion, transaction);

        // Every metric of the catalogue gets its number once; numbers already given never change.
        using var metric = connection.CreateCommand();
        metric.Transaction = transaction;
        metric.CommandText = "INSERT INTO metrics (name) VALUES ($name) ON CONFLICT DO NOTHING";
        var name = metric.Parameters.Add("$name", SqliteType.Text);
        foreach (var known in Telemetry.Metrics.MetricCatalogue.All)
        {
            name.Value = known.Name;
            metric.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The metric numbers of this file.</summary>
    public static Dictionary<string, long> Metrics(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name FROM metrics";
        using var reader = command.ExecuteReader();
        var metrics = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            metrics[reader.GetString(1)] = reader.GetInt64(0);
        }

        return metrics;
    }

    /// <summary>A value of the settings table, or null.</summary>
    public static object? Read(SqliteConnection connection, string key, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM settings WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar();
    }

    /// <summary>Sets a value of the settings table.</summary>
    public static void Write(SqliteConnection connection, string key, object value, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
