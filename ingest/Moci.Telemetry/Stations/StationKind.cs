namespace Moci.Telemetry.Stations;

/// <summary>What a station watches: the air, the river, or the air on the move (a kit carried along the route).</summary>
public enum StationKind
{
    Air,
    Water,
    Mobile,
}
