namespace Moci.Ingest.Apis;

/// <summary>One reading in a range query.</summary>
public sealed record ReadingValue(DateTimeOffset Timestamp, double Value, string[] Flags);
