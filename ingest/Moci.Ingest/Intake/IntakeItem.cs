using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Intake;

/// <summary>
/// One received MQTT message after decoding and validation, waiting for the batch writer: the readings to
/// store, what to dead-letter, and the batch sequence number to acknowledge once both are committed.
/// </summary>
/// <param name="StationId">The station whose topic it came on; null when the topic names no valid station.</param>
/// <param name="Sequence">The batch's <c>seq</c> user property, when the station sent one.</param>
/// <param name="Readings">Readings to store.</param>
/// <param name="DeadLetters">The message or records that could not be stored, with reasons.</param>
public sealed record IntakeItem(string? StationId, long? Sequence, IReadOnlyList<Reading> Readings, IReadOnlyList<DeadLetter> DeadLetters)
{
    /// <summary>
    /// Sends the broker its MQTT acknowledgement (PUBACK) of the message. Called only after the commit, so a
    /// crash before it leaves the message with the broker, which delivers it again.
    /// </summary>
    public Func<CancellationToken, Task>? AcknowledgeDelivery { get; init; }
}
