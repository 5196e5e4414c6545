using Moci.Ingest.Options;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// When the readings go to InfluxDB, checks at start that the server answers and takes the token, bucket and
/// organisation (<see cref="InfluxReadingStore.VerifyAsync"/>): a bad setting stops the hub before it takes a reading,
/// with a message naming it. Does nothing with the SQLite store.
/// </summary>
internal sealed partial class InfluxStartupCheck(IReadingStore store, ILogger<InfluxStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not InfluxReadingStore influx)
        {
            return;
        }

        await influx.VerifyAsync(StorageOptionsInfluxDB.Section, cancellationToken);
        ReadingsGoTo(logger, influx.Endpoint.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Readings are stored in InfluxDB at {Endpoint}")]
    private static partial void ReadingsGoTo(ILogger logger, string endpoint);
}
