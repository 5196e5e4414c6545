namespace Moci.Ingest.Apis;

/// <summary>The newest value of one metric of a station.</summary>
/// <param name="AgeSeconds">Seconds between the reading and the hub's clock when answering.</param>
public sealed record LatestValueResponse(string Metric, string Unit, DateTimeOffset Timestamp, double Value, string[] Flags, double AgeSeconds);
