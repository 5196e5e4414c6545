namespace Moci.Kit.Publishing;

/// <summary>A batch waiting in the outbox until the hub acknowledges it.</summary>
/// <param name="Sequence">Per-station, increasing; sent as the MQTT 5 user property <c>seq</c>.</param>
/// <param name="Payload">The SenML pack.</param>
/// <param name="Readings">How many readings it holds.</param>
public sealed record OutboxBatch(long Sequence, byte[] Payload, int Readings)
{
    /// <summary>When it was last handed to the broker, or null if never.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
