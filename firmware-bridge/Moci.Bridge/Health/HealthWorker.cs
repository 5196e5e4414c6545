using Microsoft.Extensions.Options;
using Moci.Bridge.Configuration;
using Moci.Kit.Publishing;

namespace Moci.Bridge.Health;

/// <summary>
/// Publishes the health report, retained, every <see cref="HealthOptions.Interval"/>; while the station is offline it
/// tries again every few seconds, so the hub gets a fresh report soon after a reconnect. Reports are not queued: the
/// next one replaces the last.
/// </summary>
internal sealed partial class HealthWorker(
    HealthReporter reporter,
    StationPublisher publisher,
    IOptions<HealthOptions> options,
    TimeProvider time,
    ILogger<HealthWorker> logger) : BackgroundService
{
    /// <summary>How soon a report that could not be sent is tried again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var sent = await publisher.PublishHealthAsync(HealthJson.Serialize(reporter.Report()), stoppingToken);
                if (sent)
                {
                    LogHealthSent(logger, publisher.StationId);
                }

                await Task.Delay(sent ? options.Value.Interval : Retry, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Health report of {Station} sent")]
    private static partial void LogHealthSent(ILogger logger, string station);
}
