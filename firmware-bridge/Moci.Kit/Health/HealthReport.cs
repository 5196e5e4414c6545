namespace Moci.Kit.Health;

/// <summary>
/// The station's health, published as JSON on <c>moci/v1/{id}/health</c> (docs/wire-protocol.md, "Station health")
/// by the bridge of a real station and by the simulator alike. Units are in the names; times are UTC.
/// </summary>
/// <param name="Station">The station id.</param>
/// <param name="At">When the report was made.</param>
/// <param name="UptimeSeconds">Seconds since the machine booted; null where unknown.</param>
/// <param name="BridgeUptimeSeconds">Seconds since the bridge (or the simulated station) started.</param>
/// <param name="CpuTemperatureCelsius">The SoC's temperature; null where the machine has no thermal zone.</param>
/// <param name="DiskFreeBytes">Free space on the outbox's file system; null where unknown.</param>
/// <param name="Outbox">How full the outbox is.</param>
/// <param name="Clock">What vouches for the clock.</param>
/// <param name="Sensors">Each configured sensor's status.</param>
internal sealed record HealthReport(
    string Station,
    DateTimeOffset At,
    double? UptimeSeconds,
    double BridgeUptimeSeconds,
    double? CpuTemperatureCelsius,
    long? DiskFreeBytes,
    HealthReport.OutboxHealth Outbox,
    HealthReport.ClockHealth Clock,
    IReadOnlyList<SensorStatus> Sensors)
{
    /// <summary>The outbox part.</summary>
    /// <param name="Depth">What waits for the hub's acknowledgement.</param>
    /// <param name="OldestAgeSeconds">Age of the oldest waiting reading in seconds; null when none waits or it is not known.</param>
    /// <param name="Dropped">What was dropped because the outbox was full.</param>
    internal sealed record OutboxHealth(long Depth, double? OldestAgeSeconds, long Dropped);

    /// <summary>The clock part.</summary>
    /// <param name="Source">none, ntp, gps, or system for a simulated station.</param>
    /// <param name="Synchronised">False while readings are flagged clock_suspect.</param>
    internal sealed record ClockHealth(ClockSource Source, bool Synchronised);
}
