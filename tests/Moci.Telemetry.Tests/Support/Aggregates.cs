using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Support;

/// <summary>Series of hourly and daily aggregates for the limit and index tests.</summary>
internal static class Aggregates
{
    /// <summary>An hour with all 60 of its one-minute values valid.</summary>
    public static PeriodAggregate FullHour(DateTimeOffset start, double mean) => PeriodAggregate.Hour(start, mean, 60, 60);

    /// <summary><paramref name="count"/> full hours from <paramref name="start"/>; a null mean leaves the hour out.</summary>
    public static IEnumerable<PeriodAggregate> Hours(DateTimeOffset start, int count, Func<int, double?> mean)
    {
        for (var i = 0; i < count; i++)
        {
            if (mean(i) is { } m)
            {
                yield return FullHour(start.AddHours(i), m);
            }
        }
    }

    /// <summary>
    /// Every day of <paramref name="year"/> of <paramref name="calendar"/> (CET by default) with 24 valid hours and
    /// the mean given by day index (0 = 1 January); a null mean leaves the day out.
    /// </summary>
    public static IEnumerable<PeriodAggregate> Days(int year, Func<int, double?> mean, ReportingCalendar? calendar = null)
    {
        calendar ??= ReportingCalendar.Default;
        var first = new DateOnly(year, 1, 1);
        for (var i = 0; i < ReportingCalendar.DaysIn(year); i++)
        {
            if (mean(i) is { } m)
            {
                yield return PeriodAggregate.Day(calendar.DayStart(first.AddDays(i)), m, 24);
            }
        }
    }

    /// <summary>2025-03-01T00:00Z, a Saturday without any clock change near it.</summary>
    public static DateTimeOffset March1 { get; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
}
