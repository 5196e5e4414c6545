using Moci.Telemetry.Stations;

namespace Moci.Kit.Simulation;

/// <summary>A station the simulator plays. Binds from configuration entries with the same keys as the hub's registry.</summary>
public sealed class SimulatedStation
{
    /// <summary>Station id as on the wire.</summary>
    public string Id { get; set; } = "";

    /// <summary>Air, water or mobile; decides which metrics it reports.</summary>
    public StationKind Kind { get; set; } = StationKind.Air;

    /// <summary>The station's secret, as the hub issued it (its MQTT password).</summary>
    public string? Secret { get; set; }
}
