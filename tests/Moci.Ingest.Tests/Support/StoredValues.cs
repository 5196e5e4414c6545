using Microsoft.Data.Sqlite;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// Writes straight into the hub's SQLite file, past the intake's checks, to make rows that only an older
/// release or a damaged file could hold.
/// </summary>
internal static class StoredValues
{
    /// <summary>
    /// Replaces the value of a stored reading, and the series' latest value when it is that reading. SQLite
    /// keeps ±infinity as REAL; a NaN it would store as NULL, which the NOT NULL column refuses.
    /// </summary>
    public static async Task OverwriteAsync(string databasePath, string station, string metric, DateTimeOffset timestamp, double value)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE readings SET value = $value
            WHERE series = (SELECT id FROM series WHERE station = $station AND metric = $metric) AND ts = $ts;
            UPDATE series SET latest_value = $value WHERE station = $station AND metric = $metric AND latest_ts = $ts;
            """;
        update.Parameters.AddWithValue("$station", station);
        update.Parameters.AddWithValue("$metric", metric);
        update.Parameters.AddWithValue("$ts", timestamp.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$value", value);
        if (await update.ExecuteNonQueryAsync() == 0)
        {
            throw new InvalidOperationException($"no stored reading of {station}/{metric} at {timestamp:O}");
        }
    }

    /// <summary>Runs SQL against the file, e.g. to break its schema under a running hub.</summary>
    public static async Task ExecuteAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
