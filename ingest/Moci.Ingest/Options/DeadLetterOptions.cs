namespace Moci.Ingest.Options;

/// <summary>
/// How much the dead-letter table keeps, so that a station sending garbage (or one huge message) cannot
/// fill the hub's disk. Section <c>DeadLetters</c>.
/// </summary>
public sealed class DeadLetterOptions
{
    public const string Section = "DeadLetters";

    /// <summary>Default of <see cref="MaxPayloadBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxPayloadBytes = 65_536;

    /// <summary>Default of <see cref="MaxTotalBytes"/>: 100 MB.</summary>
    public const long DefaultMaxTotalBytes = 100_000_000;

    /// <summary>Upper bound of <see cref="MaxPayloadBytes"/>: SQLite's largest string or BLOB by default (SQLITE_MAX_LENGTH).</summary>
    public const int PayloadBytesLimit = 1_000_000_000;

    /// <summary>
    /// Bytes of a payload that are kept; the rest is cut off, and the size as received is kept beside it.
    /// 1 to 1 000 000 000. Default 65 536 (64 KiB), far more than a SenML pack of a station needs.
    /// </summary>
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>
    /// Bytes the table may hold (stored payloads plus topic, station and reason texts). When a new dead
    /// letter takes it over, the oldest are dropped and counted; the newest is always kept. At least
    /// <see cref="MaxPayloadBytes"/>. Default 100 000 000 (100 MB).
    /// </summary>
    public long MaxTotalBytes { get; set; } = DefaultMaxTotalBytes;
}
