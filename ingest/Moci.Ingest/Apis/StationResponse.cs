using Moci.Ingest.Queries;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Apis;

/// <summary>A station as the API shows it.</summary>
/// <param name="Online">Connected to the broker, from the station's retained status topic; null before its first status.</param>
/// <param name="Reporting">
/// Its readings arrive: the newest is at most three of its usual intervals old (at least five minutes), from the
/// store, as the dashboard shows it; null before its first reading.
/// </param>
/// <param name="LastReading">When its newest stored reading was taken (UTC), or null before the first.</param>
public sealed record StationResponse(
    string Id, string Name, StationKind Kind, double Latitude, double Longitude, string? Initiative, bool? Online, bool? Reporting, DateTimeOffset? LastReading)
{
    public static StationResponse From(StationActivity activity, bool? online) => new(
        activity.Station.Id, activity.Station.Name, activity.Station.Kind, activity.Station.Latitude, activity.Station.Longitude,
        activity.Station.Initiative, online, activity.Online, activity.LastReading);
}
