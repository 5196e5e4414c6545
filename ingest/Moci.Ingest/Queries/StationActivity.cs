using Moci.Ingest.Stations;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Queries;

/// <summary>A registered station with what the store holds of it (<see cref="StationQueries"/>).</summary>
/// <param name="Station">The registered station.</param>
/// <param name="Latest">Its newest reading of each metric (any order).</param>
/// <param name="Online">
/// Whether it is reporting: its newest reading is at most <see cref="StationQueries.SilentIntervals"/> of its usual
/// intervals old (and at least <see cref="StationQueries.MinimumSilence"/>); null before its first reading.
/// </param>
public sealed record StationActivity(Station Station, IReadOnlyList<Reading> Latest, bool? Online)
{
    /// <summary>When the newest of its readings was taken, or null before the first.</summary>
    public DateTimeOffset? LastReading => Latest.Count == 0 ? null : Latest.Max(r => r.Timestamp);
}
