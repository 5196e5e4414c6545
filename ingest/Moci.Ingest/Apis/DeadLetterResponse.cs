namespace Moci.Ingest.Apis;

/// <summary>A message, or one record of it, the hub could not store, and why.</summary>
/// <param name="Id">Grows with time; a page's last id is the <c>before</c> of the next page.</param>
/// <param name="Payload">The payload as text when it is UTF-8, otherwise null (see <paramref name="PayloadBase64"/>).</param>
/// <param name="PayloadBase64">The payload in base64 when it is not UTF-8 text.</param>
/// <param name="PayloadSize">Bytes of the payload as the hub received it.</param>
/// <param name="Truncated">
/// Whether the payload given is shorter than <paramref name="PayloadSize"/>: a list shows the first KiB of
/// each payload (GET /api/v1/dead-letters/{id} gives what is stored), and the hub stores a payload only up
/// to DeadLetters:MaxPayloadBytes. A cut text payload ends at a whole character.
/// </param>
public sealed record DeadLetterResponse(
    long Id, DateTimeOffset ReceivedAt, string Topic, string? Station, string Reason, string? Payload, string? PayloadBase64, long PayloadSize, bool Truncated);
