using Moci.Kit.Publishing;

namespace Moci.Kit.Health;

/// <summary>
/// Publishes a station's health report, retained (<see cref="StationPublisher.PublishHealthAsync"/>): as soon as the
/// station is connected, again after every reconnection, so that the hub gets a fresh report soon after an outage,
/// and every interval while it stays connected. A report that showed readings waiting longer than the interval (a
/// backlog after an outage, or a simulated station's history) is followed by a fresh one as soon as the outbox is
/// empty, so that the hub does not warn about a delivered backlog until the next interval. A report that could not be
/// sent is tried again after <see cref="Retry"/> or at the next connection, whichever comes first. Reports are not
/// queued: the next one replaces the last. Used by the bridge of a real station and by the simulated ones.
/// </summary>
internal static class HealthSender
{
    /// <summary>How soon a report the broker did not take is tried again, unless the station connects first.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    /// <summary>Sends reports until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="publisher">The station's connection, running (<see cref="StationPublisher.RunAsync"/>) beside this.</param>
    /// <param name="report">Makes the report as of now; called for every send.</param>
    /// <param name="interval">Time between two reports while the station stays connected.</param>
    /// <param name="time">The clock of the interval.</param>
    /// <param name="logger">Where a sent report is logged (debug).</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    public static async Task RunAsync(
        StationPublisher publisher, Func<HealthReport> report, TimeSpan interval, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Taken before the report is made: a connection, or a drain, that comes meanwhile still wakes the wait.
                var connected = publisher.NextConnection();
                var drained = publisher.NextDrain();
                var current = report();
                var sent = await publisher.PublishHealthAsync(HealthJson.Serialize(current), cancellationToken);
                if (sent)
                {
                    StationLog.HealthSent(logger, publisher.StationId);

                    // This connection has its report: only the next one calls for another.
                    connected = publisher.NextConnection();
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(sent ? interval : Retry, time, wait.Token);
                var backlog = sent && current.Outbox.OldestAgeSeconds > interval.TotalSeconds;
                await (backlog ? Task.WhenAny(delay, connected, drained) : Task.WhenAny(delay, connected));
                await wait.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
