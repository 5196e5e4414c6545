using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// The European Air Quality Index from stored hourly concentrations: NO2, O3 and SO2 from the last hour's mean,
/// PM2.5 and PM10 from the 24-hour running mean, "calculated if there are values for at least 18 out of the 24
/// hours" (EEA, European Air Quality Index, https://airindex.eea.europa.eu). The station's index is the worst
/// band of its pollutants. Pure functions; thread-safe.
/// </summary>
public static class EuropeanAirQualityIndex
{
    /// <summary>
    /// One pollutant's band at <paramref name="at"/>, from the hours that ended by then: the last whole hour for
    /// gases, the last 24 whole hours for PM.
    /// </summary>
    /// <param name="version">Which band table.</param>
    /// <param name="metric">pm2_5, pm10, no2, o3 or so2; concentrations in µg/m³.</param>
    /// <param name="hours">Hourly aggregates (others outside the window are ignored), each hour at most once.</param>
    /// <param name="at">The time of the question; the window ends at the last whole hour at or before it.</param>
    /// <exception cref="ArgumentException">The metric is not in the index, or the hours are not hourly aggregates on whole hours, or repeat.</exception>
    public static IndexReading Compute(EaqiVersion version, string metric, IEnumerable<PeriodAggregate> hours, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var table = EaqiTable.For(version);
        table.BandsOf(metric);

        var end = HourlyWindow.LastHourEnd(at);
        var isPm = metric is AirPollutants.Pm2_5 or AirPollutants.Pm10;
        var (name, length, rule) = isPm
            ? ("24-hour running mean", 24, CompletenessRules.EaqiRunningMean)
            : ("1-hour mean", 1, CompletenessRules.HourlyMean);
        var from = end - TimeSpan.FromHours(length);
        var means = HourlyWindow.ValidMeans(hours, from, end, nameof(hours));
        var check = rule.Check(means.Count, length);
        var window = new AveragingWindow(name, from, end, means.Count, (int)check.RequiredCount);

        if (!check.IsComplete)
        {
            var reason = isPm
                ? $"{check.Reason}: the index needs a running mean of at least 18 of the last 24 hours"
                : $"no valid hourly mean for {from:yyyy-MM-dd HH:mm}–{end:HH:mm}Z (an hour needs 75 % of its values)";
            return new IndexReading(table.Id, metric, IndexStatus.NotEnoughData, null, null, null, null, window, reason);
        }

        var mean = means.Average();
        var band = table.Classify(metric, mean);
        if (band is null)
        {
            var top = table.BandsOf(metric)[^1].Upper;
            var reason = mean < 0
                ? $"the mean {mean:0.#} µg/m³ is negative: check the sensor's zero"
                : $"the mean {mean:0.#} µg/m³ is above {top:0} µg/m³, where the EEA discards values as invalid";
            return new IndexReading(table.Id, metric, IndexStatus.Invalid, null, mean, mean, null, window, reason);
        }

        return new IndexReading(table.Id, metric, IndexStatus.Ok, band, mean, mean, null, window, "");
    }

    /// <summary>
    /// The station's index: the reading with the worst band; <c>null</c> when none has a band. The EEA gives a
    /// station index only with enough pollutants (traffic stations NO2 and one PM; others NO2, O3 and PM): that
    /// check is the caller's, who knows the station.
    /// </summary>
    public static IndexReading? Worst(IEnumerable<IndexReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Where(r => r is { Status: IndexStatus.Ok, Band: not null }).MaxBy(r => r.Band!.Level);
    }
}
