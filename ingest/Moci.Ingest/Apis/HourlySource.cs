using Moci.Ingest.Storage;
using Moci.Telemetry.Limits;

namespace Moci.Ingest.Apis;

/// <summary>
/// Hourly means for the limit and index endpoints, built from the stored raw readings of one series. Until the
/// store keeps hourly rollups this scans the readings of the range once, streamed, holding one entry per hour.
/// </summary>
internal static class HourlySource
{
    /// <summary>The readings of [<paramref name="from"/>, <paramref name="to"/>) folded into hours.</summary>
    public static async Task<HourlyAggregator> ReadAsync(
        IReadingStore store, string station, string metric, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var hours = new HourlyAggregator();
        await foreach (var reading in store.ReadAsync(station, metric, from, to, cancellationToken))
        {
            hours.Add(reading);
        }

        return hours;
    }
}
