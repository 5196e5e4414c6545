namespace Moci.Ingest.Tests.Support;

/// <summary>A readings message as a client sends it, and the readings it must give when it is a clean pack.</summary>
/// <param name="Topic">The MQTT topic it is sent on.</param>
/// <param name="Payload">The payload bytes, as sent.</param>
/// <param name="Seq">The <c>seq</c> user property as sent, or null for none.</param>
/// <param name="Clean">For a well-formed pack: each reading's metric, Unix time in milliseconds and value; null for garbage.</param>
internal sealed record PackMessage(string Topic, byte[] Payload, string? Seq, (string Metric, long Milliseconds, double Value)[]? Clean);
