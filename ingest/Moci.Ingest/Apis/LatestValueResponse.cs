namespace Moci.Ingest.Apis;

/// <summary>The newest value of one metric of a station.</summary>
/// <param name="Value">In <paramref name="Unit"/>; null when the stored value is not a finite number.</param>
/// <param name="AgeSeconds">Seconds between the reading and the hub's clock when answering.</param>
public sealed record LatestValueResponse(string Metric, string Unit, DateTimeOffset Timestamp, double? Value, string[] Flags, double AgeSeconds);
