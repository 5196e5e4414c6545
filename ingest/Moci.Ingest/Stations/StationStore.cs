using Microsoft.Data.Sqlite;
using Moci.Ingest.Storage;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Stations;

/// <summary>
/// The station registry's table in the hub's SQLite file. Every change also increments a registry version in
/// the same transaction, so a running hub notices changes made by another process (the <c>moci</c> command
/// line) by reading one number. Thread-safe: one connection behind a lock.
/// </summary>
public sealed class StationStore : IDisposable
{
    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    /// <summary>Opens or creates the registry in the database at <paramref name="databasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be opened or holds a newer schema.</exception>
    public StationStore(string databasePath, TimeProvider time)
    {
        _time = time;
        DatabasePath = Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            _connection = SqliteDatabase.OpenWriter(DatabasePath);
            SqliteDatabase.Migrate(_connection, SchemaVersion, Schema, component: "stations");
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"the hub database '{DatabasePath}' cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS stations (
            id          TEXT PRIMARY KEY,
            name        TEXT NOT NULL,
            kind        TEXT NOT NULL,
            latitude    REAL NOT NULL,
            longitude   REAL NOT NULL,
            initiative  TEXT,
            state       TEXT NOT NULL,
            secret_hash TEXT,
            created_ts  INTEGER NOT NULL,
            updated_ts  INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS registry_version (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO registry_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
        """;

    /// <summary>A number that changes whenever any station is added or changed, by any process.</summary>
    public long Version()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT version FROM registry_version WHERE id = 1";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>Every station, in the order they were registered.</summary>
    public IReadOnlyList<RegisteredStation> All() => Query(null);

    /// <summary>One station, or null.</summary>
    public RegisteredStation? Find(string id) => Query(id).FirstOrDefault();

    /// <summary>Registers a station; false when the id is taken.</summary>
    public bool Add(Station station, string? secretHash) => Write(transaction => Insert(station, secretHash, transaction)) > 0;

    /// <summary>Registers, as <see cref="StationState.Pending"/> without a secret, each station not yet known. Returns how many were new.</summary>
    public int ImportMissing(IEnumerable<Station> stations) => Write(transaction =>
        stations.Sum(station => Insert(station with { State = StationState.Pending }, null, transaction)));

    /// <summary>Gives a station a new secret hash and makes it active; false when no such station exists.</summary>
    public bool SetSecretHash(string id, string secretHash) => Update(id, StationState.Active, secretHash);

    /// <summary>Revokes a station; false when no such station exists.</summary>
    public bool Revoke(string id) => Update(id, StationState.Revoked, null);

    private int Insert(Station station, string? secretHash, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO stations (id, name, kind, latitude, longitude, initiative, state, secret_hash, created_ts, updated_ts)
            VALUES ($id, $name, $kind, $lat, $lon, $initiative, $state, $hash, $now, $now)
            ON CONFLICT DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", station.Id);
        command.Parameters.AddWithValue("$name", station.Name);
        command.Parameters.AddWithValue("$kind", station.Kind.ToString());
        command.Parameters.AddWithValue("$lat", station.Latitude);
        command.Parameters.AddWithValue("$lon", station.Longitude);
        command.Parameters.AddWithValue("$initiative", (object?)station.Initiative ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", station.State.ToString());
        command.Parameters.AddWithValue("$hash", (object?)secretHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    private bool Update(string id, StationState state, string? secretHash) => Write(transaction =>
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE stations SET state = $state, secret_hash = coalesce($hash, secret_hash), updated_ts = $now
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$state", state.ToString());
        command.Parameters.AddWithValue("$hash", (object?)secretHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }) > 0;

    /// <summary>Runs a change in one transaction and bumps the registry version when it changed any row.</summary>
    /// <returns>The number of rows changed.</returns>
    private int Write(Func<SqliteTransaction, int> change)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            var result = change(transaction);
            if (result > 0)
            {
                SqliteDatabase.Execute(_connection, "UPDATE registry_version SET version = version + 1 WHERE id = 1", transaction);
            }

            transaction.Commit();
            return result;
        }
    }

    private List<RegisteredStation> Query(string? id)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT id, name, kind, latitude, longitude, initiative, state, secret_hash, created_ts, updated_ts
                FROM stations WHERE $id IS NULL OR id = $id ORDER BY created_ts, id
                """;
            command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var stations = new List<RegisteredStation>();
            while (reader.Read())
            {
                var station = new Station(
                    reader.GetString(0),
                    reader.GetString(1),
                    Enum.Parse<StationKind>(reader.GetString(2)),
                    reader.GetDouble(3),
                    reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    Enum.Parse<StationState>(reader.GetString(6)));
                stations.Add(new RegisteredStation(
                    station,
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
            }

            return stations;
        }
    }

    public void Dispose() => _connection.Dispose();
}
