using Moci.Telemetry.Time;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Merges hourly or daily periods that fall into the same pixel column, so that a year of hours (8 760) is drawn as at
/// most one step per column and an SVG stays small. Thread-safe: pure.
/// </summary>
public static class PeriodReducer
{
    /// <summary>
    /// <paramref name="periods"/> (oldest first) merged per column of <paramref name="range"/> cut into
    /// <paramref name="columns"/>: the lowest and highest of the column's values; the mean of its complete periods'
    /// means when at least half its periods are complete, otherwise no mean and the column is marked incomplete.
    /// </summary>
    public static IReadOnlyList<ChartPeriod> Reduce(IReadOnlyList<ChartPeriod> periods, TimeRange range, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (periods.Count <= columns)
        {
            return periods;
        }

        var columnTicks = Math.Max(1, range.Duration.Ticks / columns);
        long Column(ChartPeriod p) => Math.Max(0, (p.Start - range.From).Ticks / columnTicks);

        var reduced = new List<ChartPeriod>(columns + 1);
        var i = 0;
        while (i < periods.Count)
        {
            var column = Column(periods[i]);
            var first = i;
            for (i++; i < periods.Count && Column(periods[i]) == column; i++)
            {
            }

            reduced.Add(Merge(periods, first, i));
        }

        return reduced;
    }

    private static ChartPeriod Merge(IReadOnlyList<ChartPeriod> periods, int first, int end)
    {
        if (end - first == 1)
        {
            return periods[first];
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        var complete = 0;
        for (var i = first; i < end; i++)
        {
            min = Math.Min(min, periods[i].Min);
            max = Math.Max(max, periods[i].Max);
            if (periods[i].Mean is { } mean)
            {
                sum += mean;
                complete++;
            }
        }

        var enough = 2 * complete >= end - first;
        return new ChartPeriod(periods[first].Start, periods[end - 1].End, min, max, enough ? sum / complete : null, !enough);
    }
}
