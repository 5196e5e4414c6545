using Microsoft.Data.Sqlite;
using Moci.Kit.Options;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Kit.Publishing;

/// <summary>
/// A station's readings on their way to the hub, in one SQLite file on the station's own disk (WAL,
/// <c>synchronous=FULL</c>): a reading is on disk when <see cref="Add"/> returns, and it leaves only when the hub
/// acknowledges the batch that carried it (<c>{"seq": N}</c> on <c>moci/v1/{id}/ack</c>), never by the broker's
/// PUBACK, which proves nothing about storage. Batches are formed when sending, from the oldest readings, and
/// numbered from a counter kept in the file, so a number is never used twice, across restarts too: an
/// acknowledgement from an earlier run, or of a batch this run never formed, deletes nothing. An acknowledgement
/// removes exactly its own batch, not the ones before it, which a broker may have lost.
/// <para>
/// The quota (<see cref="OutboxOptions.QuotaBytes"/>) is held as a number of readings,
/// <see cref="Capacity"/>: the quota less 1 MiB for the write-ahead log, at <see cref="BytesPerReading"/> each.
/// Beyond it the oldest readings are dropped, exactly as many as exceed it, and counted in the file.
/// </para>
/// Thread-safe: readings may be added from any thread while the publisher sends and acknowledges. Only one
/// sender may form batches.
/// </summary>
public sealed class Outbox : IDisposable
{
    /// <summary>
    /// Disk space budgeted per reading, in bytes. A row takes at most 29 bytes of its page (cell, header, pointer)
    /// and rows are appended in key order, which fills pages; the rest covers the tree's inner pages.
    /// </summary>
    public const int BytesPerReading = 40;

    // Sequence numbers are reserved in the file a block at a time: a crash skips the rest of a block, never reuses it.
    private const long SequenceBlock = 1024;

    private readonly SqliteConnection _db;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _insertMetric;
    private readonly SqliteParameter _insertTime;
    private readonly SqliteParameter _insertValue;
    private readonly SqliteParameter _insertFlags;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _metricIds;
    private readonly Dictionary<long, string> _metricNames;
    private readonly List<OutboxBatch> _inFlight = [];
    private long _lastBatchedId;
    private long _waiting;
    private long _dropped;
    private long _acknowledged;
    private long _nextSequence;
    private long _reservedSequence;
    private bool _disposed;

    /// <summary>Opens the outbox file at <paramref name="path"/>, or creates it (and its folder).</summary>
    /// <param name="path">The SQLite file; one per station.</param>
    /// <param name="stationId">The station whose readings it holds; a file of another station is refused.</param>
    /// <param name="quotaBytes">Disk space it may take, at least <see cref="OutboxOptions.MinQuotaBytes"/>.</param>
    /// <param name="time">The station's clock, for the age of the oldest reading.</param>
    /// <exception cref="ArgumentException">The station id is not valid, or the quota is too small.</exception>
    /// <exception cref="InvalidOperationException">The file cannot be opened or written, belongs to another station or holds a newer schema.</exception>
    public Outbox(string path, string stationId, long quotaBytes, TimeProvider time)
    {
        if (Telemetry.Protocol.StationId.Explain(stationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stationId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(quotaBytes, OutboxOptions.MinQuotaBytes);
        StationId = stationId;
        Path = System.IO.Path.GetFullPath(path);
        Capacity = (quotaBytes - OutboxDatabase.WalLimitBytes) / BytesPerReading;
        _time = time;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _db = OutboxDatabase.Open(Path);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the outbox '{Path}' cannot be opened: {ex.Message}; check that its folder exists, is writable and has space", ex);
        }

        try
        {
            var owner = OutboxDatabase.Read(_db, "station") as string;
            if (owner is null)
            {
                OutboxDatabase.Write(_db, "station", stationId);
            }
            else if (owner != stationId)
            {
                throw new InvalidOperationException($"the outbox '{Path}' holds the readings of station '{owner}', not '{stationId}'; give each station its own file");
            }

            _metricIds = OutboxDatabase.Metrics(_db);
            _metricNames = _metricIds.ToDictionary(m => m.Value, m => m.Key);
            _waiting = (long)OutboxDatabase.Scalar(_db, "SELECT count(*) FROM readings")!;
            _dropped = OutboxDatabase.Read(_db, "dropped") as long? ?? 0;
            _reservedSequence = OutboxDatabase.Read(_db, "sequence_reserved") as long? ?? 0;
            _nextSequence = _reservedSequence + 1;

            _insert = _db.CreateCommand();
            _insert.CommandText = "INSERT INTO readings (metric, ts, value, flags) VALUES ($metric, $ts, $value, $flags)";
            _insertMetric = _insert.Parameters.Add("$metric", SqliteType.Integer);
            _insertTime = _insert.Parameters.Add("$ts", SqliteType.Integer);
            _insertValue = _insert.Parameters.Add("$value", SqliteType.Real);
            _insertFlags = _insert.Parameters.Add("$flags", SqliteType.Integer);
        }
        catch
        {
            _db.Dispose();
            throw;
        }
    }

    /// <summary>The station whose readings this outbox holds.</summary>
    public string StationId { get; }

    /// <summary>Full path of the outbox file.</summary>
    public string Path { get; }

    /// <summary>How many readings the quota holds; beyond it the oldest are dropped.</summary>
    public long Capacity { get; }

    /// <summary>Readings taken and not yet acknowledged by the hub.</summary>
    public long ReadingsWaiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Readings the hub acknowledged since the outbox was opened.</summary>
    public long ReadingsAcknowledged
    {
        get
        {
            lock (_lock)
            {
                return _acknowledged;
            }
        }
    }

    /// <summary>Readings dropped because the quota was full, since the file was created (kept across restarts).</summary>
    public long ReadingsDropped
    {
        get
        {
            lock (_lock)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Batches formed and not yet acknowledged.</summary>
    public int BatchesInFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="readings"/> durably in one transaction; when the quota is then exceeded, drops exactly
    /// as many of the oldest readings as exceed it. Never waits for the network.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Some readings cannot be sent (another station's, an unknown metric, a value that is not a finite number, a time
    /// before 1978-07-04 that SenML would read as relative): those are refused and named in the message; the
    /// others are stored all the same.
    /// </exception>
    /// <exception cref="InvalidOperationException">The disk refused the write (full, read-only); nothing was stored.</exception>
    /// <exception cref="ObjectDisposedException">The outbox is closed.</exception>
    public void Add(IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var rows = new List<(long Metric, long Time, double Value, int Flags)>(readings.Count);
        List<string>? refused = null;
        foreach (var reading in readings)
        {
            if (Refusal(reading, out var metric) is { } reason)
            {
                (refused ??= []).Add(reason);
                continue;
            }

            rows.Add((_metricIds[metric.Name], reading.Timestamp.ToUnixTimeMilliseconds(), reading.Value, (int)reading.Flags));
        }

        if (rows.Count > 0)
        {
            Store(rows);
        }

        if (refused is not null)
        {
            throw new ArgumentException(
                $"{refused.Count} of {readings.Count} readings refused (the other {rows.Count} are stored): {string.Join("; ", refused.Take(5))}" +
                (refused.Count > 5 ? "; …" : ""),
                nameof(readings));
        }
    }

    private void Store(List<(long Metric, long Time, double Value, int Flags)> rows)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var transaction = _db.BeginTransaction();
                _insert.Transaction = transaction;
                foreach (var (metric, time, value, flags) in rows)
                {
                    _insertMetric.Value = metric;
                    _insertTime.Value = time;
                    _insertValue.Value = value;
                    _insertFlags.Value = flags;
                    _insert.ExecuteNonQuery();
                }

                var excess = _waiting + rows.Count - Capacity;
                var dropped = excess > 0 ? DropOldest(excess, transaction) : 0;
                transaction.Commit();
                _waiting += rows.Count - dropped;
                _dropped += dropped;
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"the outbox '{Path}' cannot store readings: {ex.Message}", ex);
            }
        }
    }

    private long DropOldest(long count, SqliteTransaction transaction)
    {
        using var drop = _db.CreateCommand();
        drop.Transaction = transaction;
        drop.CommandText = "DELETE FROM readings WHERE id IN (SELECT id FROM readings ORDER BY id LIMIT $count)";
        drop.Parameters.AddWithValue("$count", count);
        long dropped = drop.ExecuteNonQuery();
        OutboxDatabase.Write(_db, "dropped", _dropped + dropped, transaction);
        return dropped;
    }

    /// <summary>Why the wire protocol cannot carry <paramref name="reading"/>, or null when it can.</summary>
    private string? Refusal(Reading? reading, out Metric metric)
    {
        metric = null!;
        if (reading is null)
        {
            return "a reading is null";
        }

        var what = $"{LogText.Quote(reading.Metric)} at {reading.Timestamp:O}";
        if (reading.StationId != StationId)
        {
            return $"{what} belongs to station {LogText.Quote(reading.StationId)}, not '{StationId}'";
        }

        if (!MetricCatalogue.TryGet(reading.Metric, out var known))
        {
            return $"{what}: unknown metric; known metrics: {MetricCatalogue.KnownNames}";
        }

        metric = known;
        if (!double.IsFinite(reading.Value))
        {
            return $"{what}: the value {reading.Value} is not a finite number";
        }

        if (SenMLTime.ToSeconds(reading.Timestamp) < SenMLTime.RelativeThreshold)
        {
            return $"{what}: a time before {SenMLTime.Describe(SenMLTime.RelativeThreshold)} would be read as relative to now (RFC 8428 §4.5.3); set the station's clock";
        }

        return null;
    }

    /// <summary>
    /// Forms the next batch from the oldest readings not yet in one: at most <paramref name="maxReadings"/>, and fewer
    /// when their pack would exceed <paramref name="maxBytes"/>. Null when every waiting reading is in a batch. The
    /// batch counts as in flight until it is acknowledged. For the one sender only.
    /// </summary>
    internal OutboxBatch? NextBatch(int maxReadings, int maxBytes)
    {
        List<(long Id, Reading Reading)> rows;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            rows = Read(_lastBatchedId, maxReadings);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        // Encoded outside the lock, so that taking readings is not held up by it.
        var count = rows.Count;
        var payload = StationPack.Encode(StationId, rows.ConvertAll(r => r.Reading));
        while (payload.Length > maxBytes && count > 1)
        {
            count = (int)Math.Max(1, (long)count * maxBytes / payload.Length * 9 / 10);
            payload = StationPack.Encode(StationId, rows.GetRange(0, count).ConvertAll(r => r.Reading));
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var batch = new OutboxBatch(TakeSequence(), rows[0].Id, rows[count - 1].Id, payload, count);
            _lastBatchedId = batch.LastId;
            _inFlight.Add(batch);
            return batch;
        }
    }

    private long TakeSequence()
    {
        if (_nextSequence > _reservedSequence)
        {
            var reserved = _nextSequence + SequenceBlock - 1;
            OutboxDatabase.Write(_db, "sequence_reserved", reserved);
            _reservedSequence = reserved;
        }

        return _nextSequence++;
    }

    /// <summary>
    /// Deletes the readings of each listed batch this outbox formed and has not yet seen acknowledged; any other
    /// number (an earlier run's, a repeated one, one never formed) deletes nothing. Returns how many batches it removed.
    /// </summary>
    internal int Acknowledge(IReadOnlyList<long> sequences)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return 0;
            }

            var matched = _inFlight.Where(b => sequences.Contains(b.Sequence)).ToList();
            if (matched.Count == 0)
            {
                return 0;
            }

            // A deletion need not reach the disk at once: if a power cut undoes it, the batch is sent again and the hub,
            // which stores a reading once per (station, metric, time), ignores the copy. So it commits without its own
            // sync (synchronous=NORMAL in WAL mode) and reaches the disk with the next reading stored, which syncs the
            // log at FULL. While a backlog drains this halves the station's syncs.
            long deleted = 0;
            OutboxDatabase.Execute(_db, "PRAGMA synchronous = NORMAL");
            try
            {
                using var transaction = _db.BeginTransaction();
                using var delete = _db.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM readings WHERE id BETWEEN $first AND $last";
                var first = delete.Parameters.Add("$first", SqliteType.Integer);
                var last = delete.Parameters.Add("$last", SqliteType.Integer);
                foreach (var batch in matched)
                {
                    first.Value = batch.FirstId;
                    last.Value = batch.LastId;
                    deleted += delete.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            finally
            {
                OutboxDatabase.Execute(_db, "PRAGMA synchronous = FULL");
            }

            _waiting -= deleted;
            _acknowledged += deleted;
            _inFlight.RemoveAll(matched.Contains);
            return matched.Count;
        }
    }

    /// <summary>
    /// Batches in flight to send now, oldest first: not sent since the last (re)connection, or sent at least
    /// <paramref name="ackTimeout"/> ago without an acknowledgement (the broker or the hub may have lost them).
    /// </summary>
    internal IReadOnlyList<OutboxBatch> Due(DateTimeOffset now, TimeSpan ackTimeout)
    {
        lock (_lock)
        {
            return _inFlight.Where(b => b.SentAt is not { } sent || now - sent >= ackTimeout).ToList();
        }
    }

    /// <summary>Marks every batch in flight as unsent, so that a new connection sends them all again.</summary>
    internal void ResendAll()
    {
        lock (_lock)
        {
            foreach (var batch in _inFlight)
            {
                batch.SentAt = null;
            }
        }
    }

    /// <summary>Every reading waiting, oldest first.</summary>
    internal IReadOnlyList<Reading> ReadWaiting()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Read(0, int.MaxValue).ConvertAll(r => r.Reading);
        }
    }

    /// <summary>How full the outbox is now.</summary>
    /// <exception cref="ObjectDisposedException">The outbox is closed.</exception>
    public OutboxStatistics Statistics()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset? oldest = OutboxDatabase.Scalar(_db, "SELECT ts FROM readings ORDER BY id LIMIT 1") is long ms
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
            var wal = new FileInfo(Path + "-wal");
            var bytes = new FileInfo(Path).Length + (wal.Exists ? wal.Length : 0);
            return new OutboxStatistics(_waiting, _inFlight.Count, oldest, _time.GetUtcNow() - oldest, bytes, _dropped, _acknowledged, Capacity);
        }
    }

    private List<(long Id, Reading Reading)> Read(long afterId, int limit)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT id, metric, ts, value, flags FROM readings WHERE id > $after ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, Reading)>(Math.Min(limit, 4096));
        while (reader.Read())
        {
            var reading = new Reading(
                StationId,
                _metricNames[reader.GetInt64(1)],
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetDouble(3),
                (QaFlags)reader.GetInt32(4));
            rows.Add((reader.GetInt64(0), reading));
        }

        return rows;
    }

    /// <summary>Closes the file. What is waiting stays in it for the next start.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insert.Dispose();
            _db.Dispose();
        }
    }
}
