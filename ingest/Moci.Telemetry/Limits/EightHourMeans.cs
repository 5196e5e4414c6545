namespace Moci.Telemetry.Limits;

/// <summary>
/// The maximum daily eight-hour mean (CO and ozone) from hourly aggregates, as Directive 2008/50/EC defines it
/// (Annex XI B note, Annex VII B note): running eight-hour means from hourly data, updated each hour, each assigned
/// to the day on which it ends — the first for a day runs from 17:00 the day before to 01:00, the last from 16:00
/// to 24:00. A running mean needs six of its eight hours; a day's maximum needs 18 of its 24 running means
/// (Annex XI A). Pure functions; thread-safe.
/// </summary>
public static class EightHourMeans
{
    /// <summary>
    /// One daily aggregate per calendar day that has at least one hour: its mean is the day's highest valid
    /// running eight-hour mean (or <c>null</c> without any), its counts are valid running means out of 24.
    /// </summary>
    /// <param name="hours">Hourly aggregates in any order, each hour at most once.</param>
    /// <param name="calendar">Where days begin; <see cref="ReportingCalendar.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">An aggregate is not hourly, does not start on a whole hour, or an hour repeats.</exception>
    public static IReadOnlyList<PeriodAggregate> DailyMaxima(IEnumerable<PeriodAggregate> hours, ReportingCalendar? calendar = null)
    {
        calendar ??= ReportingCalendar.Default;
        var byStart = HourlySeries.ByStart(hours, nameof(hours));
        var hour = TimeSpan.FromHours(1);

        var days = new List<PeriodAggregate>();
        foreach (var day in byStart.Keys.GroupBy(calendar.DayOf))
        {
            var dayStart = calendar.DayStart(day.Key);
            var valid = new List<double>();
            for (var i = 0; i < 24; i++)
            {
                // The running mean whose last hour starts at dayStart + i ends within this day.
                var last = dayStart + i * hour;
                var means = Enumerable.Range(0, 8)
                    .Select(k => byStart.GetValueOrDefault(last - k * hour))
                    .Where(HourlySeries.IsValid)
                    .Select(h => h!.Mean!.Value)
                    .ToList();
                if (CompletenessRules.EightHourMean.Check(means.Count, 8).IsComplete)
                {
                    valid.Add(means.Average());
                }
            }

            days.Add(PeriodAggregate.Day(dayStart, valid.Count == 0 ? null : valid.Max(), valid.Count));
        }

        return days;
    }
}
