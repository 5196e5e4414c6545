namespace Moci.Telemetry.Limits;

/// <summary>Checks and indexes a series of hourly aggregates; shared by the daily and eight-hour builders.</summary>
internal static class HourlySeries
{
    /// <summary>
    /// The hours by start, each checked to be an hourly aggregate starting on a whole hour, none twice.
    /// </summary>
    /// <exception cref="ArgumentException">An aggregate is not hourly, does not start on a whole hour, or repeats a start.</exception>
    public static SortedDictionary<DateTimeOffset, PeriodAggregate> ByStart(IEnumerable<PeriodAggregate> hours, string paramName)
    {
        ArgumentNullException.ThrowIfNull(hours, paramName);
        var byStart = new SortedDictionary<DateTimeOffset, PeriodAggregate>();
        foreach (var hour in hours)
        {
            ArgumentNullException.ThrowIfNull(hour, paramName);
            if (hour.Resolution != AggregateResolution.Hour)
            {
                throw new ArgumentException(
                    $"the aggregate starting {hour.Start:O} is a {hour.Resolution.ToString().ToLowerInvariant()}; hourly aggregates are needed here", paramName);
            }

            if (hour.Start.Ticks % TimeSpan.TicksPerHour != 0)
            {
                throw new ArgumentException($"the hourly aggregate starting {hour.Start:O} does not start on a whole hour", paramName);
            }

            if (!byStart.TryAdd(hour.Start, hour))
            {
                throw new ArgumentException($"two hourly aggregates start at {hour.Start:O}; give each hour once", paramName);
            }
        }

        return byStart;
    }

    /// <summary>True when the hour exists and meets the hourly 75 % rule.</summary>
    public static bool IsValid(PeriodAggregate? hour) =>
        hour is { Mean: not null } && CompletenessRules.HourlyMean.Check(hour).IsComplete;
}
