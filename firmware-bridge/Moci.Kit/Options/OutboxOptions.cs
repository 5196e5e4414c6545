namespace Moci.Kit.Options;

/// <summary>
/// Where a station keeps the readings it has not yet delivered: one SQLite file per station,
/// <c>{Directory}/outbox-{stationId}.db</c>, on the station's own disk (the SD card of a Raspberry Pi).
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>Default <see cref="QuotaBytes"/>: 50 MB (50 000 000 bytes), more than 30 days of one-minute readings of ten metrics.</summary>
    public const long DefaultQuotaBytes = 50_000_000;

    /// <summary>Smallest <see cref="QuotaBytes"/>: 2 MiB, half of it for the write-ahead log.</summary>
    public const long MinQuotaBytes = 2 * 1024 * 1024;

    /// <summary>The folder of the outbox files, relative to the working directory or absolute; created when missing. Default <c>data</c>.</summary>
    public string Directory { get; set; } = "data";

    /// <summary>
    /// Disk space one station's outbox may take, in bytes (database and write-ahead log), at least 2 MiB. When
    /// full, the oldest readings are dropped and counted. Default 50 MB.
    /// </summary>
    public long QuotaBytes { get; set; } = DefaultQuotaBytes;

    /// <summary>The outbox file of <paramref name="stationId"/> (a valid station id, which is safe in file names).</summary>
    public string PathOf(string stationId) => Path.GetFullPath(Path.Combine(Directory, $"outbox-{stationId}.db"));
}
