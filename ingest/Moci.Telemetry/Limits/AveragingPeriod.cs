namespace Moci.Telemetry.Limits;

/// <summary>The period a limit value or guideline is averaged over, as the source tables name it.</summary>
public enum AveragingPeriod
{
    /// <summary>A one-hour mean: the hour's valid values averaged (EU: 45 of 60 minutes needed).</summary>
    OneHour,

    /// <summary>
    /// A 24-hour mean over one day of the <see cref="ReportingCalendar"/>, from its valid hourly means
    /// (EU: 18 of 24 hours needed).
    /// </summary>
    OneDay,

    /// <summary>
    /// The highest of a day's running eight-hour means, each assigned to the day on which it ends (EU: 18 of
    /// the day's 24 running means needed, each from 6 of its 8 hours).
    /// </summary>
    MaximumDailyEightHourMean,

    /// <summary>The mean over one calendar year of the <see cref="ReportingCalendar"/>.</summary>
    CalendarYear,

    /// <summary>
    /// WHO ozone "peak season": the mean of the daily maximum eight-hour means over the six consecutive months
    /// with the highest six-month running mean. The hub does not compute it (no ozone sensor yet).
    /// </summary>
    PeakSeason,
}
