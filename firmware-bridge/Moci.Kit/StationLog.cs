namespace Moci.Kit;

/// <summary>Log messages at the bridge's boundaries.</summary>
internal static partial class StationLog
{
    [LoggerMessage(1, LogLevel.Information, "Station {StationId} connected to {Host}:{Port}; {Waiting} readings in its outbox waiting for acknowledgement")]
    public static partial void PublisherConnected(ILogger logger, string stationId, string host, int port, long waiting);

    [LoggerMessage(2, LogLevel.Warning, "Station {StationId} cannot reach the broker at {Host}:{Port}; retrying in {Delay}")]
    public static partial void PublisherConnectFailed(ILogger logger, Exception exception, string stationId, string host, int port, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "Simulating {Count} stations (seed {Seed}), one sample every {Interval}; backfilling {Backfill}")]
    public static partial void SimulationStarted(ILogger logger, int count, int seed, TimeSpan interval, TimeSpan backfill);

    [LoggerMessage(4, LogLevel.Debug, "Health report of {StationId} sent")]
    public static partial void HealthSent(ILogger logger, string stationId);
}
