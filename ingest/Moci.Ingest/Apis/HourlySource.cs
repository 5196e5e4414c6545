using Moci.Ingest.Storage;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Apis;

/// <summary>
/// Hourly means for the limit and index endpoints, from the store's hourly rollups (never a scan of the raw
/// readings): each hour's mean of its valid values, its valid count, and the count a complete hour holds at the
/// series' typical interval — the input of the 75 % rule of Directive 2008/50/EC Annex XI A.
/// </summary>
internal static class HourlySource
{
    /// <summary>The hours of one series that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<(HourlyDataResponse Data, IReadOnlyList<PeriodAggregate> Hours)> ReadAsync(
        IReadingStore store, string station, string metric, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var interval = await store.TypicalIntervalAsync(station, metric, to, cancellationToken);

        // Without two readings there is no interval; one reading an hour is then the most an hour can be asked for.
        var expected = interval is { } known && known > TimeSpan.Zero ? Completeness.ExpectedPerHour(known) : 1;
        var hours = new List<PeriodAggregate>();
        long readings = 0, valid = 0;
        await foreach (var rollup in store.ReadRollupsAsync(station, metric, RollupPeriod.Hour, new TimeRange(from, to), cancellationToken))
        {
            readings += rollup.Count;
            valid += rollup.ValidCount;
            hours.Add(PeriodAggregate.Hour(rollup.Start, rollup.Mean, (int)rollup.ValidCount, expected));
        }

        var complete = hours.Count(h => h.Mean is not null && CompletenessRules.HourlyMean.Check(h).IsComplete);
        return (new HourlyDataResponse("hourly rollups", from, to, readings, valid, interval?.TotalSeconds, expected, hours.Count, complete), hours);
    }
}
