using Moci.Ingest.Stations;

namespace Moci.Dashboard.Stations;

/// <summary>What the station board shows of one station.</summary>
/// <param name="Station">The registered station.</param>
/// <param name="Online">Whether it is reporting (<see cref="Moci.Ingest.Queries.StationActivity.Online"/>); null before its first reading.</param>
/// <param name="Values">Its newest value of each metric, in catalogue order.</param>
public sealed record StationSummary(Station Station, bool? Online, IReadOnlyList<LatestValue> Values)
{
    /// <summary>When the newest of its readings was taken, or null before the first.</summary>
    public DateTimeOffset? LastReading => Values.Count == 0 ? null : Values.Max(v => v.Reading.Timestamp);
}
