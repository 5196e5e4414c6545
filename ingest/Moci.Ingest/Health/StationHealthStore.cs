using System.Text.Json;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Storage;

namespace Moci.Ingest.Health;

/// <summary>
/// The newest health report of each station, in the hub's SQLite file (table <c>station_health</c>), so that it
/// survives a restart and a dashboard in another process reads the same. Only the latest report per station is kept.
/// Thread-safe: one writer connection behind a lock; reads use pooled read-only connections.
/// </summary>
public sealed class StationHealthStore : IDisposable
{
    /// <summary>Version 1: one row per station with the report as JSON.</summary>
    private const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS station_health (
            station     TEXT PRIMARY KEY,
            received_ts INTEGER NOT NULL,
            report_ts   INTEGER NOT NULL,
            report      TEXT    NOT NULL
        ) WITHOUT ROWID;
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating when missing) the table in the database at <paramref name="databasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds a newer schema of the table than this release knows.</exception>
    public StationHealthStore(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = SqliteDatabase.OpenWriter(path);
        SqliteDatabase.Migrate(_writer, SchemaVersion, Schema, component: "station_health");
        _readConnectionString = SqliteDatabase.ReadOnlyConnectionString(path);
    }

    /// <summary>
    /// Keeps <paramref name="report"/> as the station's newest, durably. The same report again (a broker replays the
    /// retained report at every reconnect of the intake) keeps the time it was first received. Returns whether the
    /// stored report changed.
    /// </summary>
    /// <param name="report">The checked report.</param>
    /// <param name="receivedAt">When the hub received it (UTC, the hub's clock).</param>
    /// <param name="keepLater">
    /// Leave a stored report that the hub received after <paramref name="receivedAt"/>: for a report replayed from a
    /// dead letter, which must not hide a newer one. The intake, whose reports are always the newest, leaves it false.
    /// </param>
    /// <param name="cancellationToken">Stops waiting for the write lock or the database.</param>
    public async Task<bool> SaveAsync(StationHealth report, DateTimeOffset receivedAt, bool keepLater = false, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(report, Json);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO station_health (station, received_ts, report_ts, report) VALUES ($station, $received, $at, $report)
                ON CONFLICT (station) DO UPDATE SET received_ts = excluded.received_ts, report_ts = excluded.report_ts, report = excluded.report
                WHERE station_health.report IS NOT excluded.report AND ($keepLater = 0 OR station_health.received_ts <= excluded.received_ts)
                """;
            command.Parameters.AddWithValue("$station", report.Station);
            command.Parameters.AddWithValue("$received", receivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$at", report.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$report", json);
            command.Parameters.AddWithValue("$keepLater", keepLater);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The station's newest report, or null before its first.</summary>
    public async Task<LatestHealth?> FindAsync(string stationId, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT received_ts, report FROM station_health WHERE station = $station";
        command.Parameters.AddWithValue("$station", stationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var report = JsonSerializer.Deserialize<StationHealth>(reader.GetString(1), Json)
            ?? throw new InvalidDataException($"the stored health report of '{stationId}' is empty");
        return new LatestHealth(report, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
    }
}
