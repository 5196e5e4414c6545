using System.Runtime.InteropServices;
using System.Text.Json;
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
    private readonly SqliteCommand _select;
    private readonly SqliteParameter _selectAfter;
    private readonly SqliteParameter _selectLimit;
    private readonly SqliteCommand _delete;
    private readonly SqliteParameter _deleteFirst;
    private readonly SqliteParameter _deleteLast;
    private readonly SqliteCommand _syncNormal;
    private readonly SqliteCommand _syncFull;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _metricIds;
    private readonly Dictionary<long, string> _metricNames;
    private readonly List<OutboxBatch> _inFlight = [];

    // The sender's own: rows of the batch being formed and the writer of its pack, reused from batch to batch so
    // that a backlog drains without an object per reading. Metric names, units and qa lists are encoded once.
    private readonly List<OutboxRow> _batchRows = [];
    private readonly SenMLPackWriter _pack = new();
    private readonly JsonEncodedText _baseName;
    private readonly Dictionary<long, PackMetric> _packMetrics = [];
    private readonly Dictionary<int, JsonEncodedText[]> _packQa = [];
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

            _select = _db.CreateCommand();
            _select.CommandText = "SELECT id, metric, ts, value, flags FROM readings WHERE id > $after ORDER BY id LIMIT $limit";
            _selectAfter = _select.Parameters.Add("$after", SqliteType.Integer);
            _selectLimit = _select.Parameters.Add("$limit", SqliteType.Integer);
            _select.Prepare();

            // Run for every acknowledgement while a backlog drains: prepared once.
            _delete = _db.CreateCommand();
            _delete.CommandText = "DELETE FROM readings WHERE id BETWEEN $first AND $last";
            _deleteFirst = _delete.Parameters.Add("$first", SqliteType.Integer);
            _deleteLast = _delete.Parameters.Add("$last", SqliteType.Integer);
            _syncNormal = _db.CreateCommand();
            _syncNormal.CommandText = "PRAGMA synchronous = NORMAL";
            _syncFull = _db.CreateCommand();
            _syncFull.CommandText = "PRAGMA synchronous = FULL";
        }
        catch
        {
            _db.Dispose();
            throw;
        }

        _baseName = JsonEncodedText.Encode(WireProtocol.BaseName(stationId));
        foreach (var (name, id) in _metricIds)
        {
            if (MetricCatalogue.TryGet(name, out var metric))
            {
                _packMetrics[id] = new PackMetric(JsonEncodedText.Encode(metric.Name), JsonEncodedText.Encode(metric.Unit));
            }
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

        // Described only when refused: this runs for every reading taken.
        string What() => $"{LogText.Quote(reading.Metric)} at {reading.Timestamp:O}";
        if (reading.StationId != StationId)
        {
            return $"{What()} belongs to station {LogText.Quote(reading.StationId)}, not '{StationId}'";
        }

        if (!MetricCatalogue.TryGet(reading.Metric, out var known))
        {
            return $"{What()}: unknown metric; known metrics: {MetricCatalogue.KnownNames}";
        }

        metric = known;
        if (!double.IsFinite(reading.Value))
        {
            return $"{What()}: the value {reading.Value} is not a finite number";
        }

        if (SenMLTime.ToSeconds(reading.Timestamp) < SenMLTime.RelativeThreshold)
        {
            return $"{What()}: a time before {SenMLTime.Describe(SenMLTime.RelativeThreshold)} would be read as relative to now (RFC 8428 §4.5.3); set the station's clock";
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
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ReadRows(_lastBatchedId, maxReadings, _batchRows);
        }

        if (_batchRows.Count == 0)
        {
            return null;
        }

        // Encoded outside the lock, so that taking readings is not held up by it.
        var count = Encode(_batchRows.Count, maxBytes);
        var payload = _pack.ToArray();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var batch = new OutboxBatch(TakeSequence(), _batchRows[0].Id, _batchRows[count - 1].Id, payload, count);
            _lastBatchedId = batch.LastId;
            _inFlight.Add(batch);
            return batch;
        }
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> rows of the batch into the pack, or as many of them as fit in
    /// <paramref name="maxBytes"/> (at least one), and returns how many it holds. The base time is the earliest of
    /// them, so no record's time is negative.
    /// </summary>
    private int Encode(int count, int maxBytes)
    {
        var rows = CollectionsMarshal.AsSpan(_batchRows)[..count];
        var baseMilliseconds = long.MaxValue;
        foreach (var row in rows)
        {
            baseMilliseconds = Math.Min(baseMilliseconds, row.Milliseconds);
        }

        _pack.Start(_baseName, baseMilliseconds);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (!_packMetrics.TryGetValue(row.Metric, out var metric))
            {
                throw new InvalidOperationException(
                    $"the outbox '{Path}' holds a reading of metric number {row.Metric} ('{_metricNames.GetValueOrDefault(row.Metric)}'), which this release does not know; it cannot be sent");
            }

            _pack.Add(metric.Name, metric.Unit, row.Value, row.Milliseconds, Qa(row.Flags));
            if (_pack.Length > maxBytes && i > 0)
            {
                // The rows before this one fitted; written again, their base time may differ, so check once more.
                return Encode(i, maxBytes);
            }
        }

        return rows.Length;
    }

    /// <summary>The names a pack sends in <c>qa</c> for a reading's flags: only those a station may assert.</summary>
    private JsonEncodedText[] Qa(int flags)
    {
        var asserted = (QaFlags)flags & StationPack.StationAsserted;
        if (asserted == QaFlags.None)
        {
            return [];
        }

        if (!_packQa.TryGetValue((int)asserted, out var names))
        {
            names = [.. QaFlagNames.Of(asserted).Select(n => JsonEncodedText.Encode(n))];
            _packQa[(int)asserted] = names;
        }

        return names;
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
            _syncNormal.ExecuteNonQuery();
            try
            {
                using var transaction = _db.BeginTransaction();
                _delete.Transaction = transaction;
                foreach (var batch in matched)
                {
                    _deleteFirst.Value = batch.FirstId;
                    _deleteLast.Value = batch.LastId;
                    deleted += _delete.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            finally
            {
                _syncFull.ExecuteNonQuery();
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
            var rows = new List<OutboxRow>();
            ReadRows(0, int.MaxValue, rows);
            return rows.ConvertAll(r => new Reading(
                StationId,
                _metricNames[r.Metric],
                DateTimeOffset.FromUnixTimeMilliseconds(r.Milliseconds),
                r.Value,
                (QaFlags)r.Flags));
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

    /// <summary>Fills <paramref name="rows"/> with the oldest rows after id <paramref name="afterId"/>, at most <paramref name="limit"/>. Under the lock.</summary>
    private void ReadRows(long afterId, int limit, List<OutboxRow> rows)
    {
        rows.Clear();
        _selectAfter.Value = afterId;
        _selectLimit.Value = limit;
        using var reader = _select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetInt32(4)));
        }
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
            _select.Dispose();
            _delete.Dispose();
            _syncNormal.Dispose();
            _syncFull.Dispose();
            _db.Dispose();
        }
    }
}
