namespace Moci.Bridge.Health;

/// <summary>How full the outbox is, for the health report.</summary>
/// <param name="Waiting">What waits for the hub's acknowledgement (batches with the in-memory outbox, readings with the outbox on disk).</param>
/// <param name="OldestAge">How long ago the oldest waiting reading was taken; null when none waits or it is not known.</param>
/// <param name="Dropped">What was dropped because the outbox was full.</param>
internal sealed record OutboxFigures(long Waiting, TimeSpan? OldestAge, long Dropped);
