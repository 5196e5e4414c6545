using Moci.Kit.Health;
using Moci.Kit.Publishing;

namespace Moci.Kit.Simulation;

/// <summary>
/// The health report of one simulated station, in the wire format a real station's bridge sends: the outbox figures
/// are those of the station's real outbox on disk; the clock is the machine's own (<see cref="ClockSource.System"/>,
/// synchronised, as the readings carry no <c>clock_suspect</c> flag); every simulated sensor is <c>ok</c>, with the
/// time of the last sample. Uptime is counted from the start of the simulated station, which has no machine of its
/// own; CPU temperature and free disk are not reported (null). Thread-safe.
/// </summary>
/// <param name="station">The station simulated.</param>
/// <param name="outbox">Its outbox, read for every report.</param>
/// <param name="time">The clock of the simulation.</param>
internal sealed class SimulatedHealth(SimulatedStation station, Outbox outbox, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    /// <summary>UTC ticks of the newest sample; 0 before the first.</summary>
    private long _lastSampleTicks;

    /// <summary>Records that the sensors gave the sample of <paramref name="at"/>.</summary>
    public void Sampled(DateTimeOffset at) => Interlocked.Exchange(ref _lastSampleTicks, at.UtcTicks);

    /// <summary>The report as of now.</summary>
    /// <exception cref="ObjectDisposedException">The outbox is closed.</exception>
    public HealthReport Report()
    {
        var statistics = outbox.Statistics();
        var uptime = Math.Round(time.GetElapsedTime(_started).TotalSeconds, 3);
        var ticks = Interlocked.Read(ref _lastSampleTicks);
        DateTimeOffset? lastSample = ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        return new HealthReport(
            station.Id,
            time.GetUtcNow(),
            uptime,
            uptime,
            CpuTemperatureCelsius: null,
            DiskFreeBytes: null,
            new HealthReport.OutboxHealth(statistics.Readings, statistics.OldestAge?.TotalSeconds, statistics.Dropped),
            new HealthReport.ClockHealth(ClockSource.System, Synchronised: true),
            [.. StationSimulator.SensorsOf(station.Kind).Select(s => new SensorStatus(s.Name, s.Type, SensorState.Ok, null, null, lastSample))]);
    }
}
