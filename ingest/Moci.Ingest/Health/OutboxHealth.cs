namespace Moci.Ingest.Health;

/// <summary>The outbox part of a <see cref="StationHealth"/>: readings kept on the station until the hub acknowledges them.</summary>
/// <param name="Depth">What waits for the hub's acknowledgement (0 or more).</param>
/// <param name="OldestAgeSeconds">How long ago, in seconds, the oldest waiting reading was taken; null when none waits or the station does not know.</param>
/// <param name="Dropped">Readings the outbox dropped because it was full (0 or more), since the bridge started.</param>
public sealed record OutboxHealth(long Depth, double? OldestAgeSeconds, long Dropped);
