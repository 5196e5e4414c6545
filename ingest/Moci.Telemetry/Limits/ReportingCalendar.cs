using System.Globalization;

namespace Moci.Telemetry.Limits;

/// <summary>
/// Where days and calendar years begin when means are compared with limit values: midnight at a fixed offset
/// from UTC, never shifted for summer time, so every day has 24 hours and every year 8760 or 8784.
/// Thread-safe: immutable.
/// </summary>
/// <remarks>
/// <para>The default is <see cref="CentralEuropeanTime"/>, UTC+01:00. The air quality directives name one time
/// base only, Central European Time: Directive 2008/50/EC Annex VII (and Directive (EU) 2024/2881 Annex I,
/// section 2) count ozone hours "between 8:00 and 20:00 Central European Time (CET)". For daily and annual limit
/// values the texts say "1 day" and "calendar year" without a zone; the hub reads them on the same CET base,
/// which is also local winter time in Albania (Europe/Tirane is UTC+01:00 in winter, UTC+02:00 in summer).
/// Summer time is not followed because a 23- or 25-hour day would break the "18 of 24 hours" rule.</para>
/// <para>The US EPA computes daily AQI values "midnight to midnight, local standard time" (AirNow, "Daily and
/// Hourly AQI – PM2.5", https://forum.airnowtech.org/t/daily-and-hourly-aqi-pm2-5/171): the same rule, with the
/// station's standard offset.</para>
/// <para>The offset must be whole hours, so that every day is made of whole UTC hours.</para>
/// </remarks>
public sealed record ReportingCalendar
{
    /// <summary>Creates a calendar whose days begin at midnight at <paramref name="utcOffset"/>.</summary>
    /// <param name="utcOffset">Whole hours from −12 to +14.</param>
    /// <exception cref="ArgumentOutOfRangeException">The offset is not a whole number of hours in that range.</exception>
    public ReportingCalendar(TimeSpan utcOffset)
    {
        if (utcOffset.Ticks % TimeSpan.TicksPerHour != 0 || utcOffset < TimeSpan.FromHours(-12) || utcOffset > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(nameof(utcOffset), utcOffset,
                "a reporting calendar's offset from UTC must be whole hours between −12 and +14 (for example +01:00 for CET)");
        }

        UtcOffset = utcOffset;
    }

    /// <summary>UTC+01:00 all year: Central European Time without summer time, the directives' time base.</summary>
    public static ReportingCalendar CentralEuropeanTime { get; } = new(TimeSpan.FromHours(1));

    /// <summary>UTC: days from 00:00Z to 24:00Z.</summary>
    public static ReportingCalendar Utc { get; } = new(TimeSpan.Zero);

    /// <summary>The hub's default: <see cref="CentralEuropeanTime"/>.</summary>
    public static ReportingCalendar Default => CentralEuropeanTime;

    /// <summary>The offset of the calendar's midnight from UTC.</summary>
    public TimeSpan UtcOffset { get; }

    /// <summary>The calendar year <paramref name="year"/> as UTC instants <c>[From, To)</c>.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Year(int year) =>
        (DayStart(new DateOnly(year, 1, 1)), DayStart(new DateOnly(year + 1, 1, 1)));

    /// <summary>The start of <paramref name="day"/> as a UTC instant: 2025-01-01 at CET begins 2024-12-31T23:00Z.</summary>
    public DateTimeOffset DayStart(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), UtcOffset).ToUniversalTime();

    /// <summary>The calendar day <paramref name="instant"/> falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>True when <paramref name="instant"/> is a midnight of this calendar.</summary>
    public bool IsDayStart(DateTimeOffset instant) => instant.ToOffset(UtcOffset).TimeOfDay == TimeSpan.Zero;

    /// <summary>Days in the calendar year: 365 or 366.</summary>
    public static int DaysIn(int year) => DateTime.IsLeapYear(year) ? 366 : 365;

    /// <summary>"UTC+01:00" or "UTC", for messages and documents.</summary>
    public override string ToString() =>
        UtcOffset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (UtcOffset < TimeSpan.Zero ? "−" : "+") + UtcOffset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
