using Moci.Telemetry.Readings;

namespace Moci.Ingest.Storage;

/// <summary>A reading that was not stored because its (station, metric, time) already holds another value or flags.</summary>
/// <param name="Stored">The reading the store keeps (the first).</param>
/// <param name="Rejected">The newcomer, which was not stored.</param>
public sealed record ReadingConflict(Reading Stored, Reading Rejected);
