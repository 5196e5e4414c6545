namespace Moci.Ingest.Intake;

/// <summary>
/// Writes each change of <see cref="StationPresence"/> to the hub's database (<see cref="Storage.StationPresenceStore"/>)
/// in the background, so that the MQTT handler that reports it never waits for SQLite, and dashboards in other
/// processes read what this ingest knows. Runs only in a process that takes readings.
/// </summary>
internal sealed partial class StationPresenceWriter(StationPresence presence, Storage.StationPresenceStore store, ILogger<StationPresenceWriter> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    /// <summary>Writes each change until <paramref name="stoppingToken"/> is cancelled, then whatever is still queued.</summary>
    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (stationId, state) in presence.ChangesAsync(stoppingToken))
            {
                await SaveAsync(stationId, state);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Hosted services stop in reverse order of registration and the intake is registered after this writer: it
        // has stopped, and what it reported last is kept too.
        while (presence.TryTakeChange(out var change))
        {
            await SaveAsync(change.StationId, change.State);
        }
    }

    // Not cancelled: a change once taken is written (one small upsert), or it would be lost until the station's next.
    private async Task SaveAsync(string stationId, PresenceState state)
    {
        try
        {
            if (await store.SaveAsync(stationId, state))
            {
                PresenceStored(logger, stationId, state.Online, state.Since);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PresenceStoreFailed(logger, ex, stationId, state.Online);
        }
    }

    [LoggerMessage(301, LogLevel.Debug, "Station {Station} recorded as online={Online} since {Since:O}")]
    private static partial void PresenceStored(ILogger logger, string station, bool online, DateTimeOffset since);

    [LoggerMessage(302, LogLevel.Error, "Recording station {Station} as online={Online} failed; dashboards in other processes show its earlier state until its next change")]
    private static partial void PresenceStoreFailed(ILogger logger, Exception exception, string station, bool online);
}
