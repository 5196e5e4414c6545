using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Apis;

/// <summary>A station as the API shows it.</summary>
public sealed record StationResponse(string Id, string Name, StationKind Kind, double Latitude, double Longitude, string? Initiative, bool? Online)
{
    public static StationResponse From(Station station, bool? online) =>
        new(station.Id, station.Name, station.Kind, station.Latitude, station.Longitude, station.Initiative, online);
}
