namespace Moci.Ingest.Intake;

/// <summary>What Sensor.Community kits posted since the hub started.</summary>
/// <param name="BodiesAccepted">Bodies that were airrohr JSON (whether or not every value could be stored).</param>
/// <param name="BodiesRejected">Bodies that were not, each kept as a dead letter.</param>
/// <param name="ValuesIgnored">Entries of value types the hub does not store (samples, signal, GPS_lat, …).</param>
/// <param name="IgnoredTypes">
/// Per ignored value type, in how many bodies it came (at most <see cref="AirrohrCounters.MaxIgnoredTypes"/> types).
/// </param>
public sealed record AirrohrCountersSnapshot(long BodiesAccepted, long BodiesRejected, long ValuesIgnored, IReadOnlyDictionary<string, long> IgnoredTypes);
