using Microsoft.Data.Sqlite;

namespace Moci.Ingest.Storage;

/// <summary>
/// The dead-letter table, in the hub's SQLite file whichever reading store is in use. Thread-safe: one
/// writer connection behind a lock; reads use pooled read-only connections.
/// </summary>
public sealed class DeadLetterStore : IDisposable
{
    private const int SchemaVersion = 1;

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public DeadLetterStore(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = SqliteDatabase.OpenWriter(path);
        SqliteDatabase.Migrate(_writer, SchemaVersion, """
            CREATE TABLE IF NOT EXISTS dead_letters (
                id          INTEGER PRIMARY KEY,
                received_ts INTEGER NOT NULL,
                topic       TEXT    NOT NULL,
                station     TEXT,
                reason      TEXT    NOT NULL,
                payload     BLOB    NOT NULL
            );
            CREATE INDEX IF NOT EXISTS dead_letters_station ON dead_letters (station, received_ts);
            """, component: "dead_letters");
        _readConnectionString = SqliteDatabase.ReadOnlyConnectionString(path);
    }

    /// <summary>Stores dead letters in one durable transaction.</summary>
    public async Task AddAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        if (letters.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction();
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO dead_letters (received_ts, topic, station, reason, payload) VALUES ($ts, $topic, $station, $reason, $payload)";
            var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
            var topic = insert.Parameters.Add("$topic", SqliteType.Text);
            var station = insert.Parameters.Add("$station", SqliteType.Text);
            var reason = insert.Parameters.Add("$reason", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            foreach (var letter in letters)
            {
                ts.Value = letter.ReceivedAt.ToUnixTimeMilliseconds();
                topic.Value = letter.Topic;
                station.Value = (object?)letter.StationId ?? DBNull.Value;
                reason.Value = letter.Reason;
                payload.Value = letter.Payload;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The newest dead letters first, optionally of one station.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? stationId = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, received_ts, topic, station, reason, payload FROM dead_letters
            WHERE $station IS NULL OR station = $station
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$station", (object?)stationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                (byte[])reader.GetValue(5))
            {
                Id = reader.GetInt64(0),
            });
        }

        return letters;
    }

    /// <summary>How many dead letters there are, optionally of one station.</summary>
    public async Task<long> CountAsync(string? stationId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM dead_letters WHERE $station IS NULL OR station = $station";
        command.Parameters.AddWithValue("$station", (object?)stationId ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
    }
}
