namespace Moci.Telemetry.Readings;

/// <summary>
/// When a mean over an hour or a day has enough valid data behind it to be compared with a limit value, by the
/// criteria of Directive 2008/50/EC for aggregating data:
/// <list type="bullet">
/// <item>an hourly mean needs 75 % of the hour's values ("one hour values: 75 % (i.e. 45 minutes)", Annex VII,
/// section A.2);</item>
/// <item>a daily (24-hour) mean needs 75 % of the day's hourly values, that is at least 18 valid hours
/// ("24-hour values: 75 % of the hourly averages (i.e. at least 18 hour values)", Annex XI, section A) — the same
/// 18-of-24 rule the European Environment Agency's air quality index applies to its 24-hour particle means.</item>
/// </list>
/// A period below its rule still has a mean of what was measured, but it is marked incomplete and never passed off
/// as a valid mean. A value is valid when no QA flag casts doubt on it (<see cref="QaFlagsExtensions.IsSuspect"/>).
/// Thread-safe: pure functions.
/// </summary>
public static class Completeness
{
    /// <summary>Hours a day needs for a valid daily mean: 18 of 24.</summary>
    public const int ValidHoursPerDay = 18;

    /// <summary>Hours in a day of the daily rollups (a UTC day: always 24).</summary>
    public const int HoursPerDay = 24;

    /// <summary>
    /// How many samples an hour is expected to hold when a station sends one every <paramref name="interval"/>: the
    /// hour divided by the interval, rounded to the nearest whole sample, and at least 1 (a station that sends less
    /// often than hourly is expected to fill each hour it sends in with one sample).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public static int ExpectedPerHour(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return (int)Math.Max(1, Math.Round(TimeSpan.TicksPerHour / (double)interval.Ticks, MidpointRounding.AwayFromZero));
    }

    /// <summary>Whether an hour with <paramref name="validCount"/> valid samples of <paramref name="expectedCount"/> expected holds at least 75 % of them.</summary>
    public static bool IsHourComplete(long validCount, long expectedCount) =>
        expectedCount > 0 && validCount * 4 >= expectedCount * 3;

    /// <summary>Whether a day with <paramref name="validHours"/> complete hours (<see cref="IsHourComplete"/>) reaches <see cref="ValidHoursPerDay"/>.</summary>
    public static bool IsDayComplete(int validHours) => validHours >= ValidHoursPerDay;

    /// <summary>
    /// The share of an hour's expected samples that are valid, 0 … 1 (more samples than expected, as when a station
    /// sends faster than usual, still count as 1); null when nothing is expected.
    /// </summary>
    public static double? HourCoverage(long validCount, long expectedCount) =>
        expectedCount > 0 ? Math.Min(1.0, validCount / (double)expectedCount) : null;

    /// <summary>The share of a day's 24 hours that are complete, 0 … 1.</summary>
    public static double DayCoverage(int validHours) => Math.Min(1.0, validHours / (double)HoursPerDay);
}
