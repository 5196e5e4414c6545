using Moci.Telemetry.Stations;

namespace Moci.Ingest.Stations;

/// <summary>One station as configured under <c>Stations</c> (an array) until stations register themselves.</summary>
public sealed class StationOptions
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public StationKind Kind { get; set; } = StationKind.Air;

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Initiative { get; set; }
}
