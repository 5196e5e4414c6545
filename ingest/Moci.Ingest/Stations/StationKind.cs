namespace Moci.Ingest.Stations;

/// <summary>What a station watches: the air, the river, or air on the move (a kit carried along the route).</summary>
public enum StationKind
{
    Air,
    Water,
    Mobile,
}
