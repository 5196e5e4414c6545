using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary>A station as <c>list</c> and <c>show</c> print it: everything but its secret's hash.</summary>
/// <param name="Id">Station id.</param>
/// <param name="Name">Name people know it by.</param>
/// <param name="Kind">Air, water or mobile.</param>
/// <param name="Latitude">WGS84 latitude, degrees.</param>
/// <param name="Longitude">WGS84 longitude, degrees.</param>
/// <param name="Initiative">The MOCI initiative that runs it, if any.</param>
/// <param name="State">Pending (no secret yet), active or revoked.</param>
/// <param name="RegisteredAt">When it was registered (UTC).</param>
/// <param name="UpdatedAt">When its secret or state last changed (UTC).</param>
internal sealed record StationView(
    string Id,
    string Name,
    StationKind Kind,
    double Latitude,
    double Longitude,
    string? Initiative,
    StationState State,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public static StationView From(RegisteredStation registered)
    {
        var s = registered.Station;
        return new StationView(s.Id, s.Name, s.Kind, s.Latitude, s.Longitude, s.Initiative, s.State, registered.CreatedAt, registered.UpdatedAt);
    }
}
