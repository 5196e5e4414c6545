using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Storage;

/// <summary>
/// Readings in one SQLite file: WAL journal, <c>synchronous=FULL</c> so a commit survives a power cut, one
/// transaction per batch. A series table maps (station, metric) to a small integer and keeps the latest
/// reading, so "latest values" never scans readings (only a series whose latest reading is still ahead of
/// the clock looks up its newest reading up to now). Hourly and daily rollups (tables <c>rollups_hour</c>,
/// <c>rollups_day</c>) are added to in the transaction of the readings they count. Timestamps are Unix milliseconds
/// (UTC). Thread-safe: one writer connection behind a lock; each read opens its own pooled read-only connection (the rollups
/// and the usual interval: a pooled read-only handle of <see cref="SqliteReadHandles"/>).
/// </summary>
public sealed class SqliteReadingStore : IReadingStore, IDisposable
{
    /// <summary>Version 2 added the hourly and daily rollups.</summary>
    private const int SchemaVersion = 2;

    /// <summary>Readings looked at, at most, to find a series' typical interval: enough for a median, cheap whatever the series holds.</summary>
    public const int IntervalSample = 1000;

    private readonly string _readConnectionString;
    private readonly SqliteReadHandles _readHandles;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<(string Station, string Metric), long> _seriesIds = [];
    private readonly TimeProvider _time;
    private long _readingsRead;
    private long _intervalSamplesRead;
    private long _hourRollupsRead;
    private long _dayRollupsRead;

    /// <summary>Opens or creates the database at <paramref name="databasePath"/> (its folder is created too).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="time">The hub's clock, which bounds "latest"; the system clock when null.</param>
    /// <exception cref="InvalidOperationException">The file cannot be opened or holds a newer schema.</exception>
    public SqliteReadingStore(string databasePath, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        DatabasePath = Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            _writer = SqliteDatabase.OpenWriter(DatabasePath);
            SqliteDatabase.Migrate(_writer, SchemaVersion, Schema + RollupSql.Schema + FillRollupsIfNew());
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Storage:DatabasePath '{DatabasePath}' cannot be opened: {ex.Message}", ex);
        }

        _readConnectionString = SqliteDatabase.ReadOnlyConnectionString(DatabasePath);
        _readHandles = new SqliteReadHandles(DatabasePath);
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS series (
            id           INTEGER PRIMARY KEY,
            station      TEXT NOT NULL,
            metric       TEXT NOT NULL,
            latest_ts    INTEGER,
            latest_value REAL,
            latest_flags INTEGER,
            UNIQUE (station, metric)
        );
        CREATE TABLE IF NOT EXISTS readings (
            series INTEGER NOT NULL REFERENCES series (id),
            ts     INTEGER NOT NULL,
            value  REAL    NOT NULL,
            flags  INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (series, ts)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// When the rollup tables do not exist yet, the SQL that rolls up the readings already stored (a database of
    /// schema version 1, which had none): the migration creates and fills them in one transaction with the version
    /// change, so a database is either at version 1 untouched or at version 2 with every reading rolled up. It
    /// reads every reading once, which takes a few seconds for millions of them, at the first start after the
    /// upgrade. Empty when the tables exist.
    /// </summary>
    private string FillRollupsIfNew()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rollups_hour')";
        return (long)command.ExecuteScalar()! == 1 ? "" : "\n" + RollupSql.FillAll;
    }

    /// <summary>How many rows the reads of this store have returned since it was opened.</summary>
    public RowsRead RowsRead => new(
        Interlocked.Read(ref _readingsRead),
        Interlocked.Read(ref _intervalSamplesRead),
        Interlocked.Read(ref _hourRollupsRead),
        Interlocked.Read(ref _dayRollupsRead));

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        if (readings.Count == 0)
        {
            return new WriteResult(0, 0);
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return Write(readings);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private WriteResult Write(IReadOnlyList<Reading> readings)
    {
        using var transaction = _writer.BeginTransaction();
        var newSeries = new Dictionary<(string, string), long>();

        // The insert is the hub's hottest statement: it runs through SQLite's C API on the same connection and
        // transaction, which costs about half of going through ADO.NET parameters for every row.
        using var insert = new RawStatement(_writer, "INSERT INTO readings (series, ts, value, flags) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");

        // Only a key that is taken costs a second statement: the stored row, to tell a copy from a conflict.
        using var stored = _writer.CreateCommand();
        stored.Transaction = transaction;
        stored.CommandText = "SELECT value, flags FROM readings WHERE series = $series AND ts = $ts";
        var storedSeries = stored.Parameters.Add("$series", SqliteType.Integer);
        var storedTs = stored.Parameters.Add("$ts", SqliteType.Integer);
        stored.Prepare();

        var rollups = new RollupAccumulator();
        var inserted = 0;
        var duplicates = 0;
        List<ReadingConflict>? conflicts = null;
        var newest = new Dictionary<long, Reading>();
        foreach (var reading in readings)
        {
            var id = SeriesId(reading.StationId, reading.Metric, transaction, newSeries);
            var milliseconds = reading.Timestamp.ToUnixTimeMilliseconds();
            if (insert.Execute(id, milliseconds, reading.Value, (int)reading.Flags) == 0)
            {
                storedSeries.Value = id;
                storedTs.Value = milliseconds;
                using var row = stored.ExecuteReader();
                row.Read();
                var keptValue = row.GetDouble(0);
                var keptFlags = (QaFlags)row.GetInt32(1);
                if (keptValue.Equals(reading.Value) && keptFlags == reading.Flags)
                {
                    duplicates++;
                }
                else
                {
                    var kept = new Reading(reading.StationId, reading.Metric, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), keptValue, keptFlags);
                    (conflicts ??= []).Add(new ReadingConflict(kept, reading));
                }

                continue;
            }

            inserted++;
            rollups.Add(id, milliseconds, reading.Value, reading.Flags);
            if (!newest.TryGetValue(id, out var known) || known.Timestamp < reading.Timestamp)
            {
                newest[id] = reading;
            }
        }

        UpdateLatest(newest, transaction);
        rollups.Write(_writer);
        transaction.Commit();

        // Only ids whose rows are committed may be cached.
        foreach (var (key, id) in newSeries)
        {
            _seriesIds[key] = id;
        }

        return new WriteResult(inserted, duplicates) { Conflicts = conflicts ?? [] };
    }

    private long SeriesId(string station, string metric, SqliteTransaction transaction, Dictionary<(string, string), long> newSeries)
    {
        if (_seriesIds.TryGetValue((station, metric), out var id) || newSeries.TryGetValue((station, metric), out id))
        {
            return id;
        }

        using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO series (station, metric) VALUES ($station, $metric) ON CONFLICT DO NOTHING;
            SELECT id FROM series WHERE station = $station AND metric = $metric;
            """;
        command.Parameters.AddWithValue("$station", station);
        command.Parameters.AddWithValue("$metric", metric);
        id = (long)command.ExecuteScalar()!;
        newSeries[(station, metric)] = id;
        return id;
    }

    private void UpdateLatest(Dictionary<long, Reading> newest, SqliteTransaction transaction)
    {
        using var update = _writer.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE series SET latest_ts = $ts, latest_value = $value, latest_flags = $flags
            WHERE id = $id AND (latest_ts IS NULL OR latest_ts < $ts)
            """;
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var ts = update.Parameters.Add("$ts", SqliteType.Integer);
        var value = update.Parameters.Add("$value", SqliteType.Real);
        var flags = update.Parameters.Add("$flags", SqliteType.Integer);
        foreach (var (seriesId, reading) in newest)
        {
            id.Value = seriesId;
            ts.Value = reading.Timestamp.ToUnixTimeMilliseconds();
            value.Value = reading.Value;
            flags.Value = (int)reading.Flags;
            update.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Reading> ReadAsync(
        string stationId,
        string metric,
        TimeRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.ts, r.value, r.flags
            FROM readings r
            WHERE r.series = (SELECT id FROM series WHERE station = $station AND metric = $metric)
              AND r.ts >= $from AND r.ts < $to
            ORDER BY r.ts
            """;
        AddSeriesAndRange(command, stationId, metric, range);
        var rows = 0L;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                yield return new Reading(
                    stationId,
                    metric,
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    reader.GetDouble(1),
                    (QaFlags)reader.GetInt32(2));
            }
        }
        finally
        {
            Interlocked.Add(ref _readingsRead, rows);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Read through SQLite's C API, as the insert, on a handle without a mutex (<see cref="SqliteReadHandles"/>), by a
    /// reader whose steps complete synchronously (<see cref="SqliteRollupReader"/>).
    /// </remarks>
    public IAsyncEnumerable<Rollup> ReadRollupsAsync(
        string stationId,
        string metric,
        RollupPeriod period,
        TimeRange range,
        CancellationToken cancellationToken = default) =>
        new SqliteRollupReader(_readHandles, period, stationId, metric, CeilingMilliseconds(range.From), CeilingMilliseconds(range.To), CountRollupsRead, cancellationToken);

    private void CountRollupsRead(RollupPeriod period, long rows)
    {
        if (period == RollupPeriod.Hour)
        {
            Interlocked.Add(ref _hourRollupsRead, rows);
        }
        else
        {
            Interlocked.Add(ref _dayRollupsRead, rows);
        }
    }

    /// <inheritdoc />
    public Task<TimeSpan?> TypicalIntervalAsync(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Task.FromResult(TypicalInterval(stationId, metric, before, cancellationToken));

    /// <summary>Runs on the caller's thread: a thousand timestamps read from pages that are usually cached take well under a millisecond.</summary>
    private TimeSpan? TypicalInterval(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var times = new List<long>(IntervalSample + 1);
        var handle = _readHandles.Rent();
        try
        {
            // One seek on the (series, ts) key and a walk back over at most IntervalSample + 1 rows, through SQLite's C
            // API like the rollups: every hourly or daily series asks for it first.
            using var query = new RawStatement(handle, """
                SELECT ts FROM readings
                WHERE series = (SELECT id FROM series WHERE station = ?1 AND metric = ?2) AND ts < ?3
                ORDER BY ts DESC
                LIMIT ?4
                """);
            query.Bind(1, stationId).Bind(2, metric).Bind(3, CeilingMilliseconds(before)).Bind(4, IntervalSample + 1);
            while (query.Step())
            {
                cancellationToken.ThrowIfCancellationRequested();
                times.Add(query.Int64(0));
            }
        }
        finally
        {
            _readHandles.Return(handle);
        }

        Interlocked.Add(ref _intervalSamplesRead, times.Count);
        if (times.Count < 2)
        {
            return null;
        }

        var gaps = new long[times.Count - 1];
        for (var i = 1; i < times.Count; i++)
        {
            gaps[i - 1] = times[i - 1] - times[i];
        }

        Array.Sort(gaps);
        return TimeSpan.FromMilliseconds(gaps[gaps.Length / 2]);
    }

    private static void AddSeriesAndRange(SqliteCommand command, string stationId, string metric, TimeRange range)
    {
        command.Parameters.AddWithValue("$station", stationId);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$from", CeilingMilliseconds(range.From));
        command.Parameters.AddWithValue("$to", CeilingMilliseconds(range.To));
    }

    /// <summary>
    /// The first whole Unix millisecond at or after <paramref name="instant"/>. Stored times are whole milliseconds,
    /// so for them "at or after the instant" and "before the instant" are "at or after" and "before" this millisecond.
    /// </summary>
    private static long CeilingMilliseconds(DateTimeOffset instant) =>
        instant.ToUnixTimeMilliseconds() + (instant.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The cached latest reading may lie ahead of the clock (a station's clock runs fast within the
        // tolerance, or an older release stored it): then the newest reading up to now stands in for it,
        // found by one seek on the (series, ts) key.
        command.CommandText = """
            SELECT s.station, s.metric, s.latest_ts, s.latest_value, s.latest_flags, s.id
            FROM series s
            WHERE s.latest_ts <= $now AND ($station IS NULL OR s.station = $station)
            UNION ALL
            SELECT s.station, s.metric, r.ts, r.value, r.flags, s.id
            FROM series s
            JOIN readings r ON r.series = s.id AND r.ts = (SELECT max(ts) FROM readings WHERE series = s.id AND ts <= $now)
            WHERE s.latest_ts > $now AND ($station IS NULL OR s.station = $station)
            ORDER BY 1, 6
            """;
        command.Parameters.AddWithValue("$station", (object?)stationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        var latest = new List<Reading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new Reading(
                reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetDouble(3),
                (QaFlags)reader.GetInt32(4)));
        }

        return latest;
    }

    /// <summary>
    /// Recomputes the hourly and daily rollups of the series of <paramref name="stationId"/> and
    /// <paramref name="metric"/> (all stations or metrics when null) from the readings stored, correcting any that
    /// differ (a database edited by hand, a bug of an earlier release) and removing those no reading is left for.
    /// Safe beside a running hub, which keeps adding to the rollups as it stores readings: each step rebuilds up to
    /// a week of one series in one transaction. Safe to cancel and to run again.
    /// </summary>
    /// <param name="progress">Told after every step, on the calling task.</param>
    public async Task<RollupRebuildSummary> RebuildRollupsAsync(
        string? stationId = null,
        string? metric = null,
        Action<RollupRebuildProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = await RollupRebuild.PlanAsync(_readConnectionString, stationId, metric, cancellationToken);
        var rebuild = new RollupRebuild(_writer);
        var steps = plan.Sum(s => s.Steps);
        var done = 0L;
        long readings = 0, hours = 0, days = 0, hoursCorrected = 0, daysCorrected = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            var series = plan[i];
            for (var index = 0L; index < series.Steps; index++)
            {
                RollupRebuild.Step step;
                await _writeLock.WaitAsync(cancellationToken);
                try
                {
                    step = rebuild.Run(series, index);
                }
                finally
                {
                    _writeLock.Release();
                }

                (readings, hours, days) = (readings + step.Readings, hours + step.Hours, days + step.Days);
                (hoursCorrected, daysCorrected) = (hoursCorrected + step.HoursCorrected, daysCorrected + step.DaysCorrected);
                done++;
                progress?.Invoke(new RollupRebuildProgress(series.Station, series.Metric, index == series.Steps - 1 ? i + 1 : i, plan.Count, done, steps));
            }
        }

        return new RollupRebuildSummary(plan.Count, readings, hours, days, hoursCorrected, daysCorrected);
    }

    /// <summary>Closes the writer and releases pooled read connections, so the file can be moved or reopened.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
        _readHandles.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
