using Microsoft.Data.Sqlite;
using Moci.Ingest.Intake;

namespace Moci.Ingest.Storage;

/// <summary>
/// Whether each station is connected, as the ingests last knew it, in the hub's SQLite file (table
/// <c>station_presence</c>), so that a process that takes no readings (<c>Intake:Enabled=false</c>) answers the same.
/// One row per station. Thread-safe: one writer connection behind a lock; reads use pooled read-only connections.
/// </summary>
internal sealed class StationPresenceStore : IDisposable
{
    /// <summary>Version 1: one row per station, its state and since when (Unix milliseconds, UTC).</summary>
    private const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS station_presence (
            station  TEXT    PRIMARY KEY,
            online   INTEGER NOT NULL CHECK (online IN (0, 1)),
            since_ts INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating when missing) the table in the database at <paramref name="databasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds a newer schema of the table than this release knows.</exception>
    public StationPresenceStore(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = SqliteDatabase.OpenWriter(path);
        SqliteDatabase.Migrate(_writer, SchemaVersion, Schema, component: "station_presence");
        _readConnectionString = SqliteDatabase.ReadOnlyConnectionString(path);
    }

    /// <summary>
    /// Keeps <paramref name="state"/> as the station's, durably, when it differs from the stored one. The same state
    /// again (every ingest of a cluster reports each change, and an ingest that restarts is given the retained status
    /// again) keeps the time it was first known. Returns whether the stored state changed.
    /// </summary>
    public async Task<bool> SaveAsync(string stationId, PresenceState state, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO station_presence (station, online, since_ts) VALUES ($station, $online, $since)
                ON CONFLICT (station) DO UPDATE SET online = excluded.online, since_ts = excluded.since_ts
                WHERE station_presence.online IS NOT excluded.online
                """;
            command.Parameters.AddWithValue("$station", stationId);
            command.Parameters.AddWithValue("$online", state.Online ? 1 : 0);
            command.Parameters.AddWithValue("$since", state.Since.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The station's stored state, or null when no ingest has recorded one.</summary>
    public async Task<PresenceState?> FindAsync(string stationId, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT online, since_ts FROM station_presence WHERE station = $station";
        command.Parameters.AddWithValue("$station", stationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Every stored state, by station id.</summary>
    public async Task<IReadOnlyDictionary<string, PresenceState>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT online, since_ts, station FROM station_presence";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new Dictionary<string, PresenceState>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[reader.GetString(2)] = Read(reader);
        }

        return states;
    }

    private static PresenceState Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0) == 1, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));

    public void Dispose()
    {
        _writer.Dispose();
        _writeLock.Dispose();
    }
}
