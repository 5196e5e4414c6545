using Moci.Telemetry.Time;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Reduces a series to at most two points per pixel column, the lowest and the highest, in time order, so
/// a chart never draws more points than it has pixels and a short peak (a burning episode) still shows
/// (ARCHITECTURE.md, Dashboard). Thread-safe: pure.
/// </summary>
public static class MinMaxReducer
{
    /// <summary>Reduces <paramref name="points"/> (oldest first) within <paramref name="range"/> to <paramref name="columns"/> columns.</summary>
    public static IReadOnlyList<ChartPoint> Reduce(IReadOnlyList<ChartPoint> points, TimeRange range, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (points.Count <= 2 * columns)
        {
            return points;
        }

        var columnTicks = Math.Max(1, range.Duration.Ticks / columns);
        var reduced = new List<ChartPoint>(2 * columns);
        var i = 0;
        while (i < points.Count)
        {
            var column = (points[i].Timestamp - range.From).Ticks / columnTicks;
            ChartPoint low = points[i], high = points[i];
            for (i++; i < points.Count && (points[i].Timestamp - range.From).Ticks / columnTicks == column; i++)
            {
                if (points[i].Value < low.Value)
                {
                    low = points[i];
                }

                if (points[i].Value > high.Value)
                {
                    high = points[i];
                }
            }

            if (low == high)
            {
                reduced.Add(low);
            }
            else if (low.Timestamp <= high.Timestamp)
            {
                reduced.Add(low);
                reduced.Add(high);
            }
            else
            {
                reduced.Add(high);
                reduced.Add(low);
            }
        }

        return reduced;
    }
}
