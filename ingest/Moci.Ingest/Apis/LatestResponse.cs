namespace Moci.Ingest.Apis;

/// <summary>A station's newest value of every metric it reports.</summary>
public sealed record LatestResponse(string Station, IReadOnlyList<LatestValueResponse> Values);
