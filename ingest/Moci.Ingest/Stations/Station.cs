using Moci.Telemetry.Stations;

namespace Moci.Ingest.Stations;

/// <summary>A registered station.</summary>
/// <param name="Id">Station id as on the wire (lowercase letters, digits, '-').</param>
/// <param name="Name">Name people know it by, for example "Rrogozhina school roof".</param>
/// <param name="Kind">Air, water or mobile.</param>
/// <param name="Latitude">WGS84 latitude in degrees, −90 … 90.</param>
/// <param name="Longitude">WGS84 longitude in degrees, −180 … 180.</param>
/// <param name="Initiative">The MOCI initiative that runs it, if any.</param>
/// <param name="State">Whether it may connect.</param>
public sealed record Station(
    string Id,
    string Name,
    StationKind Kind,
    double Latitude,
    double Longitude,
    string? Initiative,
    StationState State = StationState.Active);
