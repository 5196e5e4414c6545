namespace Moci.Ingest.Health;

/// <summary>
/// A station's report about itself, as it sends it on <c>moci/v1/{id}/health</c> (docs/wire-protocol.md, "Station
/// health"), after the hub's checks (<see cref="HealthReportDecoder"/>). Units are in the names; times are UTC as the
/// station's clock gave them. Immutable.
/// </summary>
/// <param name="Station">The station id, the same as the topic's.</param>
/// <param name="At">When the station made the report, by its own clock.</param>
/// <param name="UptimeSeconds">Seconds since the station's computer booted; null where it does not say.</param>
/// <param name="BridgeUptimeSeconds">Seconds since the station's bridge service started; null where it does not say.</param>
/// <param name="CpuTemperatureCelsius">The computer's SoC temperature in °C; null where it has no thermal zone.</param>
/// <param name="DiskFreeBytes">Free bytes on the file system of the station's outbox; null where unknown.</param>
/// <param name="Outbox">What waits on the station for the hub.</param>
/// <param name="Clock">What vouches for the station's clock.</param>
/// <param name="Sensors">Each enabled sensor of the station, in the station's order.</param>
public sealed record StationHealth(
    string Station,
    DateTimeOffset At,
    double? UptimeSeconds,
    double? BridgeUptimeSeconds,
    double? CpuTemperatureCelsius,
    long? DiskFreeBytes,
    OutboxHealth Outbox,
    ClockHealth Clock,
    IReadOnlyList<SensorHealth> Sensors);
