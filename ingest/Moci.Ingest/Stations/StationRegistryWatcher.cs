namespace Moci.Ingest.Stations;

/// <summary>
/// Re-reads the station registry every <see cref="Interval"/>, so that a station added, given a new secret or
/// revoked with the <c>moci</c> command line takes effect in the running hub (a revoked station's connection is
/// closed within seconds).
/// </summary>
internal sealed class StationRegistryWatcher(StationRegistry registry, TimeProvider time, ILogger<StationRegistryWatcher> logger) : BackgroundService
{
    /// <summary>How often the registry version is checked: one small query.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    registry.Refresh();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    StationLog.RefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
