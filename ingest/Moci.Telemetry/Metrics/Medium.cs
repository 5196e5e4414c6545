namespace Moci.Telemetry.Metrics;

/// <summary>What a metric describes: the air around a station, the river, or the station itself.</summary>
public enum Medium
{
    Air,
    Water,
    Device,
}
