namespace Moci.Ingest.Storage;

/// <summary>
/// A message, or one record of it, that could not be stored as readings, kept with the reason so that it
/// can be inspected and replayed once the cause is fixed.
/// </summary>
/// <param name="ReceivedAt">When the hub received it (UTC).</param>
/// <param name="Topic">The MQTT topic (or intake route) it came on.</param>
/// <param name="StationId">The station the topic names, when it names a valid one.</param>
/// <param name="Reason">Why it was not stored, in words a student can act on.</param>
/// <param name="Payload">
/// The payload as received, or the rejected record re-encoded as SenML JSON. Read back from the store it
/// may be cut short (see <see cref="PayloadSize"/> and <see cref="Truncated"/>).
/// </param>
public sealed record DeadLetter(DateTimeOffset ReceivedAt, string Topic, string? StationId, string Reason, byte[] Payload)
{
    /// <summary>Store id; 0 until stored. Ids grow with time and are never given twice.</summary>
    public long Id { get; init; }

    /// <summary>Size of the payload as received, in bytes; <see cref="Payload"/> may hold fewer.</summary>
    public long PayloadSize { get; init; } = Payload.Length;

    /// <summary>Whether <see cref="Payload"/> holds less than was received.</summary>
    public bool Truncated => Payload.Length < PayloadSize;
}
