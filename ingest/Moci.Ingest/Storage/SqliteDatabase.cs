using Microsoft.Data.Sqlite;

namespace Moci.Ingest.Storage;

/// <summary>Shared set-up of the hub's SQLite connections.</summary>
internal static class SqliteDatabase
{
    /// <summary>
    /// Opens a read-write connection in WAL mode with <c>synchronous=FULL</c>: WAL lets readers run beside
    /// the writer, FULL makes every commit durable across a power cut, not only across a crash.
    /// </summary>
    public static SqliteConnection OpenWriter(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();

        // One statement per command: with several in one command, a statement that meets a lock held by another
        // process can be passed over without an error, and the connection would then run without WAL or FULL.
        Execute(connection, "PRAGMA busy_timeout = 10000");
        using (var journal = connection.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = WAL";
            if (journal.ExecuteScalar() is not string mode || !mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the database '{path}' could not be switched to WAL mode (it stayed in '{journal.ExecuteScalar()}')");
            }
        }

        Execute(connection, "PRAGMA synchronous = FULL");
        Execute(connection, "PRAGMA foreign_keys = ON");

        return connection;
    }

    /// <summary>Connection string for pooled read-only connections.</summary>
    public static string ReadOnlyConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Creates the tables of <paramref name="schema"/> when missing and records the version in a table of
    /// versions per component, refusing a file written by a newer release.
    /// </summary>
    public static void Migrate(SqliteConnection connection, int version, string schema, string component = "readings")
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)", transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM schema_versions WHERE component = $component";
        read.Parameters.AddWithValue("$component", component);
        if (read.ExecuteScalar() is long existing && existing > version)
        {
            throw new InvalidOperationException(
                $"the database holds {component} schema version {existing}, newer than this release understands ({version}); upgrade the hub");
        }

        Execute(connection, schema, transaction);
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO schema_versions (component, version) VALUES ($component, $version) ON CONFLICT DO UPDATE SET version = excluded.version";
        write.Parameters.AddWithValue("$component", component);
        write.Parameters.AddWithValue("$version", version);
        write.ExecuteNonQuery();
        transaction.Commit();
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
