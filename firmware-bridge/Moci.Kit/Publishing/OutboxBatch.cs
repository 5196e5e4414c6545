namespace Moci.Kit.Publishing;

/// <summary>
/// A batch formed from the outbox's oldest readings when it is sent: the readings with ids
/// <see cref="FirstId"/>–<see cref="LastId"/> (every reading still waiting in that range) under one sequence number.
/// Held in memory only: after a restart its readings go out again in a new batch with a new number, so an
/// acknowledgement from an earlier run matches nothing. Its <see cref="SentAt"/> is changed by the sending loop only.
/// </summary>
/// <param name="Sequence">Per-station, increasing, never reused (a persistent counter); sent as the MQTT 5 user property <c>seq</c>.</param>
/// <param name="FirstId">Outbox id of its first reading.</param>
/// <param name="LastId">Outbox id of its last reading.</param>
/// <param name="Payload">The SenML pack.</param>
/// <param name="Readings">How many readings it holds.</param>
internal sealed record OutboxBatch(long Sequence, long FirstId, long LastId, byte[] Payload, int Readings)
{
    /// <summary>When it was last handed to the broker, or null if not since the last (re)connection.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
