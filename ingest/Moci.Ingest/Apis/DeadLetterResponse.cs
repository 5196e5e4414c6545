namespace Moci.Ingest.Apis;

/// <summary>A message, or one record of it, the hub could not store, and why.</summary>
/// <param name="Payload">The payload as text when it is UTF-8, otherwise null (see <paramref name="PayloadBase64"/>).</param>
/// <param name="PayloadBase64">The payload in base64 when it is not UTF-8 text.</param>
public sealed record DeadLetterResponse(long Id, DateTimeOffset ReceivedAt, string Topic, string? Station, string Reason, string? Payload, string? PayloadBase64);
