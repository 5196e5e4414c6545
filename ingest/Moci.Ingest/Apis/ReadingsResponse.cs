namespace Moci.Ingest.Apis;

/// <summary>Readings of one series in the half-open range [From, To), streamed.</summary>
public sealed record ReadingsResponse(string Station, string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, IAsyncEnumerable<ReadingValue> Readings);
