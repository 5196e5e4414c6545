using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>The valid hourly means in a window of whole hours, for the index computations.</summary>
internal static class HourlyWindow
{
    /// <summary>The end of the last whole hour at or before <paramref name="at"/>, UTC.</summary>
    public static DateTimeOffset LastHourEnd(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }

    /// <summary>The means of the valid hours that start in <c>[from, to)</c>.</summary>
    /// <exception cref="ArgumentException">An aggregate is not hourly, does not start on a whole hour, or an hour repeats.</exception>
    public static List<double> ValidMeans(IEnumerable<PeriodAggregate> hours, DateTimeOffset from, DateTimeOffset to, string paramName)
    {
        var byStart = HourlySeries.ByStart(hours, paramName);
        return [.. byStart.Values
            .Where(h => h.Start >= from && h.Start < to && HourlySeries.IsValid(h))
            .Select(h => h.Mean!.Value)];
    }
}
