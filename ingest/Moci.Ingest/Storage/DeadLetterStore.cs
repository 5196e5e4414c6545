using System.Text;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Options;

namespace Moci.Ingest.Storage;

/// <summary>
/// The dead-letter table, in the hub's SQLite file whichever reading store is in use. Bounded by
/// <see cref="DeadLetterOptions"/>: payloads are kept up to a cap with their size as received, and when
/// the table would hold more than its quota the oldest dead letters are dropped and counted. Thread-safe:
/// one writer connection behind a lock; reads use pooled read-only connections. Another process (the
/// <c>moci</c> command line replaying dead letters) may edit the table beside the hub: see <see cref="DeleteAsync"/>.
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
    /// The <c>edits</c> counter as of the last time <see cref="_storedBytes"/> was known to be exact; guarded by
    /// <see cref="_writeLock"/>. When the table's counter differs, another connection deleted, replaced or
    /// re-worded dead letters, and the estimate is summed again before anything is dropped for the quota.
    /// </summary>
    private long _knownEdits;

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
            INSERT INTO dead_letter_counters (name, value) VALUES ('edits', 0) ON CONFLICT DO NOTHING;
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
        var summed = (long)sum.ExecuteScalar()!;
        var (stored, knownEdits) = DropOverQuota(summed, Edits(transaction), transaction);
        transaction.Commit();
        (_storedBytes, _knownEdits) = (stored, knownEdits);
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
            var added = Insert(letters, transaction);
            var (stored, knownEdits) = DropOverQuota(_storedBytes + added, _knownEdits, transaction);
            transaction.Commit();
            (_storedBytes, _knownEdits) = (stored, knownEdits);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Inserts <paramref name="letters"/>, each payload cut to the cap and reason shortened; returns the bytes they count.</summary>
    private long Insert(IReadOnlyList<DeadLetter> letters, SqliteTransaction transaction)
    {
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
        var added = 0L;
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
            added += SizeOf(letter.Topic, letter.StationId, why, kept.Length);
        }

        return added;
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
    /// Returns the bytes that remain and the <c>edits</c> counter they are exact for; the caller keeps both
    /// once the transaction commits.
    /// </summary>
    /// <param name="stored">This instance's estimate of what the table holds, with this transaction's rows.</param>
    /// <param name="knownEdits">The <c>edits</c> counter as of the last time the estimate was exact.</param>
    private (long Stored, long KnownEdits) DropOverQuota(long stored, long knownEdits, SqliteTransaction transaction)
    {
        if (stored <= _maxTotalBytes)
        {
            return (stored, knownEdits);
        }

        // The estimate counts what this instance wrote; rows another connection deleted or replaced since would
        // otherwise make it drop dead letters that still fit. Summing only here keeps the usual write cheap.
        if (Edits(transaction) is var edits && edits != knownEdits)
        {
            using var sum = _writer.CreateCommand();
            sum.Transaction = transaction;
            sum.CommandText = $"SELECT coalesce(sum({RowBytes}), 0) FROM dead_letters";
            stored = (long)sum.ExecuteScalar()!;
            knownEdits = edits;
            if (stored <= _maxTotalBytes)
            {
                return (stored, knownEdits);
            }
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
            return (stored, knownEdits);
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
        return (stored, knownEdits);
    }

    /// <summary>The <c>edits</c> counter: how many times dead letters were deleted, replaced or re-worded.</summary>
    private long Edits(SqliteTransaction transaction)
    {
        using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM dead_letter_counters WHERE name = 'edits'";
        return (long)command.ExecuteScalar()!;
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

    /// <summary>
    /// Whether a dead letter of <paramref name="stationId"/> on <paramref name="topic"/> holds <paramref name="payload"/>
    /// (as this store keeps it: cut to the payload cap, with the size as received, so that a payload longer than the
    /// cap matches one with the same start and size), whatever its reason. For not keeping the same message twice,
    /// such as a retained health report that the broker hands the intake again at every reconnection.
    /// </summary>
    public async Task<bool> ContainsAsync(string stationId, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM dead_letters
                           WHERE station = $station AND topic = $topic AND payload_size = $size AND payload = $payload)
            """;
        command.Parameters.AddWithValue("$station", stationId);
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$size", payload.Length);
        command.Parameters.AddWithValue("$payload", payload[..Math.Min(payload.Length, _maxPayloadBytes)].ToArray());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>
    /// A page of one station's dead letters, oldest first, each with its whole stored payload: at most
    /// <paramref name="limit"/> of them with an id above <paramref name="after"/> (the last id of the previous
    /// page; null for the first page). For going through them in the order they arrived, as a replay does.
    /// </summary>
    /// <param name="stationId">The station whose dead letters are listed.</param>
    /// <param name="after">Only ids above this one; null for all.</param>
    /// <param name="limit">Most dead letters returned, 1 or more.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<DeadLetter>> ListOldestFirstAsync(string stationId, long? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, payload FROM dead_letters WHERE station = $station AND id > $after ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$station", stationId);
        command.Parameters.AddWithValue("$after", after ?? 0);
        command.Parameters.AddWithValue("$limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(Read(reader));
        }

        return letters;
    }

    /// <summary>
    /// Deletes dead letters by id in one durable transaction. An id that is not stored (deleted before, or
    /// dropped for the quota) is passed over. Returns how many were deleted.
    /// </summary>
    /// <remarks>
    /// Safe from another process beside the hub (the <c>moci</c> command line): the edit is counted in the
    /// table, and a hub that finds the count changed sums the table again before it drops anything for the quota.
    /// </remarks>
    public Task<int> DeleteAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        ReplaceAsync(ids.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<DeadLetter>)[]), cancellationToken);

    /// <summary>
    /// Replaces dead letters by others in one durable transaction: each id of <paramref name="replacements"/> is
    /// deleted and, only if it was still stored, its replacements are added as <see cref="AddAsync"/> adds them
    /// (payloads cut to the cap, the quota kept), with new ids. For a message of which only some records still
    /// fail: it becomes the dead letters of those records. Running it again for the same ids changes nothing.
    /// Returns how many ids were found and replaced. Safe beside a running hub, as <see cref="DeleteAsync"/> is.
    /// </summary>
    public Task<int> ReplaceAsync(IReadOnlyDictionary<long, IReadOnlyList<DeadLetter>> replacements, CancellationToken cancellationToken = default) =>
        EditAsync(transaction =>
        {
            using var delete = _writer.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM dead_letters WHERE id = $id RETURNING {RowBytes}";
            var id = delete.Parameters.Add("$id", SqliteType.Integer);
            var (replaced, bytes) = (0, 0L);
            foreach (var (letterId, letters) in replacements)
            {
                id.Value = letterId;
                if (delete.ExecuteScalar() is not long removed)
                {
                    continue;
                }

                replaced++;
                bytes += Insert(letters, transaction) - removed;
            }

            return (replaced, bytes);
        }, replacements.Count, cancellationToken);

    /// <summary>
    /// Gives stored dead letters new reasons (each cut to <see cref="MaxReasonLength"/> characters), keeping
    /// their id, time, topic and payload, in one durable transaction: for what still fails, now for another
    /// reason. An id that is not stored is passed over. Returns how many were found. Safe beside a running
    /// hub, as <see cref="DeleteAsync"/> is.
    /// </summary>
    public Task<int> UpdateReasonsAsync(IReadOnlyDictionary<long, string> reasons, CancellationToken cancellationToken = default) =>
        EditAsync(transaction =>
        {
            using var size = _writer.CreateCommand();
            size.Transaction = transaction;
            size.CommandText = $"SELECT {RowBytes} FROM dead_letters WHERE id = $id";
            var sizeId = size.Parameters.Add("$id", SqliteType.Integer);
            using var update = _writer.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"UPDATE dead_letters SET reason = $reason WHERE id = $id RETURNING {RowBytes}";
            var id = update.Parameters.Add("$id", SqliteType.Integer);
            var reason = update.Parameters.Add("$reason", SqliteType.Text);
            var (updated, bytes) = (0, 0L);
            foreach (var (letterId, text) in reasons)
            {
                sizeId.Value = letterId;
                if (size.ExecuteScalar() is not long before)
                {
                    continue;
                }

                id.Value = letterId;
                reason.Value = Shorten(text);
                updated++;
                bytes += (long)update.ExecuteScalar()! - before;
            }

            return (updated, bytes);
        }, reasons.Count, cancellationToken);

    /// <summary>
    /// Runs one edit of stored rows in a durable transaction, counts it in the <c>edits</c> counter (for the
    /// other processes' quota estimates), keeps this instance's estimate and the quota. Returns how many rows
    /// the edit found.
    /// </summary>
    private async Task<int> EditAsync(Func<SqliteTransaction, (int Found, long Bytes)> edit, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return 0;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction();
            var before = Edits(transaction);
            var (found, bytes) = edit(transaction);
            if (found == 0)
            {
                return 0;
            }

            SqliteDatabase.Execute(_writer, "UPDATE dead_letter_counters SET value = value + 1 WHERE name = 'edits'", transaction);

            // The estimate stays exact only when nobody else edited the table since it was; otherwise it is summed
            // again once it matters, when it says the quota is reached.
            var knownEdits = before == _knownEdits ? before + 1 : _knownEdits;
            var (stored, known) = DropOverQuota(_storedBytes + bytes, knownEdits, transaction);
            transaction.Commit();
            (_storedBytes, _knownEdits) = (stored, known);
            return found;
        }
        finally
        {
            _writeLock.Release();
        }
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
