using System.Text;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Options;

namespace Moci.Ingest.Storage;

/// <summary>
/// The dead-letter table, in the hub's SQLite file whichever reading store is in use. Bounded by
/// <see cref="DeadLetterOptions"/>: payloads are kept up to a cap with their size as received, and when
/// the table would hold more than its quota the oldest dead letters are dropped and counted. Thread-safe:
/// one writer connection behind a lock; reads use pooled read-only connections.
/// </summary>
public sealed class DeadLetterStore : IDisposable
{
    /// <summary>Version 2 added <c>payload_size</c>, the drop counter and the (station, id) index.</summary>
    private const int SchemaVersion = 2;

    /// <summary>The bytes a row counts against the quota; <see cref="SizeOf"/> must agree with it.</summary>
    private const string RowBytes =
        "length(payload) + length(CAST(topic AS BLOB)) + length(CAST(reason AS BLOB)) + coalesce(length(CAST(station AS BLOB)), 0)";

    private const string Columns = "id, received_ts, topic, station, reason, payload_size";

    /// <summary>
    /// Longest reason kept, in characters. A reason is a sentence; an error message that quotes a whole
    /// payload (a JSON parser quoting an invalid token) would otherwise store the payload a second time, uncut.
    /// </summary>
    public const int MaxReasonLength = 1000;

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly int _maxPayloadBytes;
    private readonly long _maxTotalBytes;

    /// <summary>What the rows count against the quota; guarded by <see cref="_writeLock"/>.</summary>
    private long _storedBytes;

    /// <summary>
    /// Opens (creating or upgrading) the table in <paramref name="databasePath"/>, and applies the limits of
    /// <paramref name="options"/> (defaults when null) to what is already stored: longer payloads are cut
    /// and the oldest dead letters over the quota dropped.
    /// </summary>
    public DeadLetterStore(string databasePath, DeadLetterOptions? options = null)
    {
        options ??= new DeadLetterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPayloadBytes, 1, nameof(options.MaxPayloadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTotalBytes, options.MaxPayloadBytes, nameof(options.MaxTotalBytes));
        _maxPayloadBytes = options.MaxPayloadBytes;
        _maxTotalBytes = options.MaxTotalBytes;

        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = SqliteDatabase.OpenWriter(path);
        SqliteDatabase.Migrate(_writer, SchemaVersion, UpgradeFromVersion1() + """
            CREATE TABLE IF NOT EXISTS dead_letters (
                id           INTEGER PRIMARY KEY,
                received_ts  INTEGER NOT NULL,
                topic        TEXT    NOT NULL,
                station      TEXT,
                reason       TEXT    NOT NULL,
                payload      BLOB    NOT NULL,
                payload_size INTEGER NOT NULL DEFAULT 0
            );
            DROP INDEX IF EXISTS dead_letters_station;
            CREATE INDEX IF NOT EXISTS dead_letters_station_id ON dead_letters (station, id);
            CREATE TABLE IF NOT EXISTS dead_letter_counters (
                name  TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO dead_letter_counters (name, value) VALUES ('dropped', 0) ON CONFLICT DO NOTHING;
            """, component: "dead_letters");
        _readConnectionString = SqliteDatabase.ReadOnlyConnectionString(path);
        ApplyLimits();
    }

    /// <summary>
    /// Version 1 had no <c>payload_size</c>: its payloads were kept whole, so their size is their length.
    /// Empty when the table is new or already upgraded.
    /// </summary>
    private string UpgradeFromVersion1()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dead_letters')
               AND NOT EXISTS (SELECT 1 FROM pragma_table_info('dead_letters') WHERE name = 'payload_size')
            """;
        return (long)command.ExecuteScalar()! == 1
            ? """
              ALTER TABLE dead_letters ADD COLUMN payload_size INTEGER NOT NULL DEFAULT 0;
              UPDATE dead_letters SET payload_size = length(payload);

              """
            : "";
    }

    /// <summary>
    /// Cuts stored payloads to the cap and reasons to <see cref="MaxReasonLength"/> (rows of earlier releases,
    /// or of a larger cap), sums what the rows hold and drops the oldest over the quota.
    /// </summary>
    private void ApplyLimits()
    {
        using var transaction = _writer.BeginTransaction();
        using var cut = _writer.CreateCommand();
        cut.Transaction = transaction;
        cut.CommandText = """
            UPDATE dead_letters SET payload = substr(payload, 1, $max) WHERE length(payload) > $max;
            UPDATE dead_letters SET reason = substr(reason, 1, $reason) || '…' WHERE length(reason) > $reason + 1;
            """;
        cut.Parameters.AddWithValue("$max", _maxPayloadBytes);
        cut.Parameters.AddWithValue("$reason", MaxReasonLength);
        cut.ExecuteNonQuery();

        using var sum = _writer.CreateCommand();
        sum.Transaction = transaction;
        sum.CommandText = $"SELECT coalesce(sum({RowBytes}), 0) FROM dead_letters";
        var stored = DropOverQuota((long)sum.ExecuteScalar()!, transaction);
        transaction.Commit();
        _storedBytes = stored;
    }

    /// <summary>
    /// Stores dead letters in one durable transaction, each payload cut to <see cref="DeadLetterOptions.MaxPayloadBytes"/>;
    /// when the table then holds more than <see cref="DeadLetterOptions.MaxTotalBytes"/>, the oldest dead
    /// letters are dropped in the same transaction and counted.
    /// </summary>
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
            insert.CommandText = """
                INSERT INTO dead_letters (received_ts, topic, station, reason, payload, payload_size)
                VALUES ($ts, $topic, $station, $reason, $payload, $size)
                """;
            var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
            var topic = insert.Parameters.Add("$topic", SqliteType.Text);
            var station = insert.Parameters.Add("$station", SqliteType.Text);
            var reason = insert.Parameters.Add("$reason", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            var size = insert.Parameters.Add("$size", SqliteType.Integer);
            var stored = _storedBytes;
            foreach (var letter in letters)
            {
                var kept = letter.Payload.Length > _maxPayloadBytes ? letter.Payload[.._maxPayloadBytes] : letter.Payload;
                var why = Shorten(letter.Reason);
                ts.Value = letter.ReceivedAt.ToUnixTimeMilliseconds();
                topic.Value = letter.Topic;
                station.Value = (object?)letter.StationId ?? DBNull.Value;
                reason.Value = why;
                payload.Value = kept;
                size.Value = letter.Payload.Length;
                insert.ExecuteNonQuery();
                stored += SizeOf(letter.Topic, letter.StationId, why, kept.Length);
            }

            stored = DropOverQuota(stored, transaction);
            transaction.Commit();
            _storedBytes = stored;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>What a row counts against the quota, as <see cref="RowBytes"/> computes it in SQL.</summary>
    private static long SizeOf(string topic, string? station, string reason, int storedPayloadBytes) =>
        storedPayloadBytes
        + Encoding.UTF8.GetByteCount(topic)
        + Encoding.UTF8.GetByteCount(reason)
        + (station is null ? 0 : Encoding.UTF8.GetByteCount(station));

    /// <summary>The reason cut to <see cref="MaxReasonLength"/> characters (never inside a surrogate pair), marked with an ellipsis.</summary>
    private static string Shorten(string reason)
    {
        if (reason.Length <= MaxReasonLength)
        {
            return reason;
        }

        var length = char.IsHighSurrogate(reason[MaxReasonLength - 1]) ? MaxReasonLength - 1 : MaxReasonLength;
        return string.Concat(reason.AsSpan(0, length), "…");
    }

    /// <summary>
    /// Deletes the oldest rows until <paramref name="stored"/> bytes fit the quota, never the newest row (so
    /// that ids are not given again, and the latest problem stays visible), and adds them to the drop counter.
    /// Returns the bytes that remain.
    /// </summary>
    private long DropOverQuota(long stored, SqliteTransaction transaction)
    {
        if (stored <= _maxTotalBytes)
        {
            return stored;
        }

        long? lastDropped = null;
        var dropped = 0;
        using (var oldest = _writer.CreateCommand())
        {
            oldest.Transaction = transaction;
            oldest.CommandText = $"SELECT id, {RowBytes} FROM dead_letters WHERE id < (SELECT max(id) FROM dead_letters) ORDER BY id";
            using var reader = oldest.ExecuteReader();
            while (stored > _maxTotalBytes && reader.Read())
            {
                lastDropped = reader.GetInt64(0);
                stored -= reader.GetInt64(1);
                dropped++;
            }
        }

        if (lastDropped is null)
        {
            return stored;
        }

        using var delete = _writer.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = """
            DELETE FROM dead_letters WHERE id <= $last;
            UPDATE dead_letter_counters SET value = value + $dropped WHERE name = 'dropped';
            """;
        delete.Parameters.AddWithValue("$last", lastDropped.Value);
        delete.Parameters.AddWithValue("$dropped", dropped);
        delete.ExecuteNonQuery();
        return stored;
    }

    /// <summary>The newest dead letters first, optionally of one station, each with its whole stored payload.</summary>
    public Task<IReadOnlyList<DeadLetter>> ListAsync(string? stationId = null, int limit = 100, CancellationToken cancellationToken = default) =>
        ListAsync(stationId, limit, before: null, payloadBytes: int.MaxValue, cancellationToken);

    /// <summary>
    /// A page of dead letters, newest first: at most <paramref name="limit"/>, optionally of one station,
    /// and only those with an id below <paramref name="before"/> when it is given (the last id of the
    /// previous page). Each payload holds at most <paramref name="payloadBytes"/> bytes of the stored one;
    /// with 0 the payloads are not read at all. <see cref="DeadLetter.PayloadSize"/> is always the size as received.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(
        string? stationId, int limit, long? before, int payloadBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (stationId is not null)
        {
            conditions.Add("station = $station");
            command.Parameters.AddWithValue("$station", stationId);
        }

        if (before is not null)
        {
            conditions.Add("id < $before");
            command.Parameters.AddWithValue("$before", before.Value);
        }

        // Without payload bytes the query leaves the payload column alone, so that nothing of it is read.
        var payload = payloadBytes == 0 ? "x''" : "substr(payload, 1, $payloadBytes)";
        command.Parameters.AddWithValue("$payloadBytes", payloadBytes);
        command.CommandText = $"""
            SELECT {Columns}, {payload} FROM dead_letters
            {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(Read(reader));
        }

        return letters;
    }

    /// <summary>One dead letter with its whole stored payload, or null when there is none with that id.</summary>
    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, payload FROM dead_letters WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DeadLetter Read(SqliteDataReader reader) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        (byte[])reader.GetValue(6))
    {
        Id = reader.GetInt64(0),
        PayloadSize = reader.GetInt64(5),
    };

    /// <summary>How many dead letters there are, optionally of one station.</summary>
    public async Task<long> CountAsync(string? stationId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = stationId is null
            ? "SELECT count(*) FROM dead_letters"
            : "SELECT count(*) FROM dead_letters WHERE station = $station";
        command.Parameters.AddWithValue("$station", (object?)stationId ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How many dead letters have been dropped to keep the table within its quota, since the table was made.</summary>
    public async Task<long> DroppedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM dead_letter_counters WHERE name = 'dropped'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
    }
}
