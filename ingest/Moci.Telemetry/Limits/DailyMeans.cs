namespace Moci.Telemetry.Limits;

/// <summary>
/// Daily means built the way the EU reference method builds them: each day of a <see cref="ReportingCalendar"/>
/// is the mean of its valid hourly means, where an hour is valid with 75 % of its values (Directive 2008/50/EC
/// Annex XI A). Pure functions; thread-safe.
/// </summary>
public static class DailyMeans
{
    /// <summary>
    /// One daily aggregate per calendar day that has at least one hourly aggregate, in time order. Its counts are
    /// valid hours out of 24; its mean is the mean of the valid hours' means, or <c>null</c> without any. Whether a
    /// day may be compared with a limit is <see cref="CompletenessRules.DailyMean"/> (18 of 24) — days below it are
    /// returned too, marked only by their counts, never dropped or silently averaged.
    /// </summary>
    /// <param name="hours">Hourly aggregates in any order, each hour at most once.</param>
    /// <param name="calendar">Where days begin; <see cref="ReportingCalendar.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">An aggregate is not hourly, does not start on a whole hour, or an hour repeats.</exception>
    public static IReadOnlyList<PeriodAggregate> FromHourly(IEnumerable<PeriodAggregate> hours, ReportingCalendar? calendar = null)
    {
        calendar ??= ReportingCalendar.Default;
        var byStart = HourlySeries.ByStart(hours, nameof(hours));

        var days = new List<PeriodAggregate>();
        foreach (var day in byStart.Values.GroupBy(h => calendar.DayOf(h.Start)))
        {
            var valid = day.Where(HourlySeries.IsValid).Select(h => h.Mean!.Value).ToList();
            days.Add(PeriodAggregate.Day(calendar.DayStart(day.Key), valid.Count == 0 ? null : valid.Average(), valid.Count));
        }

        return days;
    }
}
