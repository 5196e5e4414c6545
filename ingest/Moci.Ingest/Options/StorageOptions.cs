namespace Moci.Ingest.Options;

/// <summary>Where and how readings are stored. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the SQLite database file, relative to the working directory or absolute. Default <c>data/moci.db</c>.</summary>
    public string DatabasePath { get; set; } = "data/moci.db";

    /// <summary>Most readings committed in one transaction. Default 5 000.</summary>
    public int MaxBatchReadings { get; set; } = 5_000;

    /// <summary>
    /// MQTT messages decoded and waiting for the batch writer. When full, the intake waits, which holds back
    /// the broker's acknowledgements: nothing is dropped. Default 10 000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;
}
