using Microsoft.Extensions.Options;
using Moci.Bridge.Configuration;
using Moci.Kit.Publishing;

namespace Moci.Bridge.Health;

/// <summary>
/// Publishes the health report, retained, as soon as the station is connected, after every reconnection, and every
/// <see cref="HealthOptions.Interval"/> in between (<see cref="HealthSender"/>, shared with the simulated stations).
/// Reports are not queued: the next one replaces the last.
/// </summary>
internal sealed class HealthWorker(
    HealthReporter reporter,
    StationPublisher publisher,
    IOptions<HealthOptions> options,
    TimeProvider time,
    ILogger<HealthWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        HealthSender.RunAsync(publisher, reporter.Report, options.Value.Interval, time, logger, stoppingToken);
}
