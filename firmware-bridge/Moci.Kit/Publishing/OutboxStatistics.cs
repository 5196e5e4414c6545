namespace Moci.Kit.Publishing;

/// <summary>How full a station's outbox is, for its health report. A snapshot.</summary>
/// <param name="Readings">Readings waiting: taken and not yet acknowledged by the hub.</param>
/// <param name="BatchesInFlight">Batches sent and not yet acknowledged (at most the publisher's window).</param>
/// <param name="Oldest">When the oldest waiting reading was measured (UTC); null when none waits.</param>
/// <param name="OldestAge">How long ago, by the station's clock, the oldest waiting reading was measured; null when none waits.</param>
/// <param name="Bytes">Disk space the outbox takes now: the database file and its write-ahead log, in bytes.</param>
/// <param name="Dropped">Readings dropped because the quota was full, since the outbox file was created (kept across restarts).</param>
/// <param name="Acknowledged">Readings the hub acknowledged since the outbox was opened.</param>
/// <param name="Capacity">Readings the quota holds; beyond it the oldest are dropped.</param>
public sealed record OutboxStatistics(
    long Readings,
    int BatchesInFlight,
    DateTimeOffset? Oldest,
    TimeSpan? OldestAge,
    long Bytes,
    long Dropped,
    long Acknowledged,
    long Capacity);
