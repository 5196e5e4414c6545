using Moci.Bridge.Clock;
using Moci.Bridge.Sampling;

namespace Moci.Bridge.Health;

/// <summary>Puts the station's health report together from its parts. Thread-safe if its parts are.</summary>
/// <param name="stationId">The station id.</param>
/// <param name="dataDir">The outbox's folder, whose file system's free space is reported.</param>
/// <param name="outbox">How full the outbox is now.</param>
/// <param name="board">The sensors' statuses.</param>
/// <param name="clock">What vouches for the clock.</param>
/// <param name="system">The machine's figures.</param>
/// <param name="time">The clock of the report.</param>
internal sealed class HealthReporter(
    string stationId,
    string dataDir,
    Func<OutboxFigures> outbox,
    SensorBoard board,
    IClockSource clock,
    SystemProbe system,
    TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    /// <summary>The report as of now.</summary>
    public HealthReport Report()
    {
        var figures = outbox();
        var state = clock.Current;
        return new HealthReport(
            stationId,
            time.GetUtcNow(),
            system.Uptime()?.TotalSeconds,
            Math.Round(time.GetElapsedTime(_started).TotalSeconds, 3),
            system.CpuTemperatureCelsius(),
            SystemProbe.DiskFreeBytes(dataDir),
            new HealthReport.OutboxHealth(figures.Waiting, figures.OldestAge?.TotalSeconds, figures.Dropped),
            new HealthReport.ClockHealth(state.Source, state.Synchronised),
            board.All);
    }
}
