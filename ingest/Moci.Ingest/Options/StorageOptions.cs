namespace Moci.Ingest.Options;

/// <summary>Where and how readings are stored. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Which store keeps the readings: <see cref="StorageKind.Sqlite"/> (default) or <see cref="StorageKind.InfluxDB"/>.</summary>
    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>
    /// Path of the hub's SQLite database file, relative to the working directory or absolute. Default <c>data/moci.db</c>.
    /// It holds the station registry and the dead letters whatever <see cref="Kind"/> says, and the readings with SQLite.
    /// </summary>
    public string DatabasePath { get; set; } = "data/moci.db";

    /// <summary>Most readings committed in one transaction. Default 5 000.</summary>
    public int MaxBatchReadings { get; set; } = 5_000;

    /// <summary>
    /// MQTT messages decoded and waiting for the batch writer. When full, the intake waits, which holds back
    /// the broker's acknowledgements: nothing is dropped. Default 10 000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The InfluxDB 2.x to store readings in, read when <see cref="Kind"/> is <see cref="StorageKind.InfluxDB"/>.</summary>
    public StorageOptionsInfluxDB InfluxDB { get; set; } = new();
}
