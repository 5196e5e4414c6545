using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Intake;

/// <summary>
/// One received MQTT message after decoding and validation, waiting for the batch writer: the readings to
/// store, what to dead-letter, and the batch sequence number to acknowledge once both are committed. Every
/// record of the message is in exactly one of the two lists; a message that cannot be read at all is one
/// rejection holding the whole payload.
/// </summary>
/// <param name="StationId">The station whose topic it came on; null when the topic names no valid station.</param>
/// <param name="Sequence">The batch's <c>seq</c> user property, when the station sent one.</param>
/// <param name="Readings">Readings to store.</param>
/// <param name="Rejections">The message or records that could not be stored, with reasons and kinds.</param>
public sealed record IntakeItem(string? StationId, long? Sequence, IReadOnlyList<Reading> Readings, IReadOnlyList<Rejection> Rejections)
{
    /// <summary>The dead letters of <see cref="Rejections"/>, in the same order.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters { get; } = [.. Rejections.Select(r => r.Letter)];

    /// <summary>
    /// Sends the broker its MQTT acknowledgement (PUBACK) of the message. Called only after the commit, so a
    /// crash before it leaves the message with the broker, which delivers it again.
    /// </summary>
    public Func<CancellationToken, Task>? AcknowledgeDelivery { get; init; }
}
