using System.Globalization;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// The US EPA Air Quality Index for PM2.5 and PM10 with the 2024 breakpoints (<see cref="UsAqiTable"/>). The AQI of
/// particles is defined on 24-hour means; the EPA's daily value runs "midnight to midnight (Local Standard Time)"
/// and needs "75%, or 18/24 hours of data" (AirNow, https://forum.airnowtech.org/t/daily-and-hourly-aqi-pm2-5/171).
/// The EPA's real-time hourly figure, the NowCast, is a different weighting and is not computed here.
/// Pure functions; thread-safe.
/// </summary>
public static class UsAirQualityIndex
{
    /// <summary>
    /// The AQI of one 24-hour concentration: truncated (PM2.5 to 0.1, PM10 to 1 µg/m³), looked up in the
    /// breakpoint table and put through the EPA equation. <c>null</c> for a negative or non-finite concentration.
    /// </summary>
    /// <exception cref="ArgumentException">The table does not cover the metric.</exception>
    public static UsAqiValue? FromConcentration(string metric, double concentration, UsAqiTable? table = null)
    {
        table ??= UsAqiTable.Y2024;
        var rows = table.BreakpointsOf(metric);
        if (!double.IsFinite(concentration) || concentration < 0)
        {
            return null;
        }

        // Beyond the last row before any decimal conversion, so no concentration can overflow a decimal.
        var step = table.TruncationStepOf(metric);
        var beyond = rows[^1].ConcentrationHigh + step;
        if (concentration >= (double)beyond)
        {
            return new UsAqiValue(null, table.Categories[^1], beyond);
        }

        // Decimal arithmetic: 35.49 truncates to 35.4 and 9.1 stays 9.1, which binary doubles do not promise.
        var truncated = Math.Floor((decimal)concentration / step) * step;
        var row = rows.First(r => truncated >= r.ConcentrationLow && truncated <= r.ConcentrationHigh);

        var aqi = row.IndexOf(truncated);
        return new UsAqiValue(aqi, table.CategoryOf(aqi), truncated);
    }

    /// <summary>
    /// The EPA's daily AQI of <paramref name="day"/>: the mean of the day's valid hourly means from midnight to
    /// midnight of <paramref name="calendar"/> (the station's standard time; UTC+01:00 by default), with at least
    /// 18 of 24 hours.
    /// </summary>
    /// <exception cref="ArgumentException">The metric is not covered, or the hours are not hourly aggregates on whole hours, or repeat.</exception>
    public static IndexReading ForDay(string metric, IEnumerable<PeriodAggregate> hours, DateOnly day, ReportingCalendar? calendar = null)
    {
        calendar ??= ReportingCalendar.Default;
        var from = calendar.DayStart(day);
        return Compute(metric, hours, from, from.AddDays(1),
            string.Create(CultureInfo.InvariantCulture, $"24-hour mean, midnight to midnight {calendar}"));
    }

    /// <summary>
    /// The 24-hour AQI formula applied to the 24 whole hours before <paramref name="at"/>, for a "now" display. This
    /// is not the EPA's NowCast; it answers the same question more slowly.
    /// </summary>
    /// <exception cref="ArgumentException">The metric is not covered, or the hours are not hourly aggregates on whole hours, or repeat.</exception>
    public static IndexReading ForTrailing24Hours(string metric, IEnumerable<PeriodAggregate> hours, DateTimeOffset at)
    {
        var end = HourlyWindow.LastHourEnd(at);
        return Compute(metric, hours, end.AddHours(-24), end, "24-hour running mean");
    }

    private static IndexReading Compute(string metric, IEnumerable<PeriodAggregate> hours, DateTimeOffset from, DateTimeOffset to, string name)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var table = UsAqiTable.Y2024;
        table.BreakpointsOf(metric);
        var means = HourlyWindow.ValidMeans(hours, from, to, nameof(hours));
        var check = CompletenessRules.UsAqiDailyMean.Check(means.Count, 24);
        var window = new AveragingWindow(name, from, to, means.Count, (int)check.RequiredCount);
        if (!check.IsComplete)
        {
            return new IndexReading(table.Id, metric, IndexStatus.NotEnoughData, null, null, null, null, window,
                $"{check.Reason}: the AQI of particles needs a 24-hour mean of at least 18 hours");
        }

        var mean = means.Average();
        var value = FromConcentration(metric, mean, table);
        if (value is null)
        {
            return new IndexReading(table.Id, metric, IndexStatus.Invalid, null, mean, null, null, window,
                string.Create(CultureInfo.InvariantCulture, $"the mean {mean:0.#} µg/m³ is negative: check the sensor's zero"));
        }

        var top = table.BreakpointsOf(metric)[^1].ConcentrationHigh;
        return value.IsBeyondScale
            ? new IndexReading(table.Id, metric, IndexStatus.BeyondScale, value.Category, mean, mean, null, window,
                string.Create(CultureInfo.InvariantCulture, $"the mean {mean:0.#} µg/m³ is above {top} µg/m³, beyond the AQI: follow the Hazardous advice"))
            : new IndexReading(table.Id, metric, IndexStatus.Ok, value.Category, mean, (double)value.TruncatedConcentration, value.Aqi, window, "");
    }
}
