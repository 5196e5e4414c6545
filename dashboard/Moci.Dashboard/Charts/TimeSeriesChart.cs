using Moci.Telemetry.Metrics;
using Moci.Telemetry.Time;
using ScottPlot;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Builds the chart of one metric over a time range: a line in the station colour, QA-flagged points as red
/// crosses, gaps in the data left as gaps, the time axis in local time and the unit on the value axis.
/// The caller renders and disposes the plot.
/// </summary>
public static class TimeSeriesChart
{
    private static readonly Color LineColor = Color.FromHex("#1b6ca8");
    private static readonly Color FlagColor = Color.FromHex("#c62828");

    /// <param name="metric">What is drawn; gives the label and unit.</param>
    /// <param name="points">The readings, oldest first.</param>
    /// <param name="range">The period drawn, [from, to) in UTC.</param>
    /// <param name="zone">Time zone of the axis labels.</param>
    /// <param name="columns">Pixel columns available: at most two points per column are drawn.</param>
    public static Plot Build(Metric metric, IReadOnlyList<ChartPoint> points, TimeRange range, TimeZoneInfo zone, int columns)
    {
        var plot = new Plot();
        var reduced = MinMaxReducer.Reduce(points, range, columns);

        // A gap longer than three usual steps and a fiftieth of the range is a pause in the data, not a line.
        var maxGap = TimeSpan.FromTicks(Math.Max(range.Duration.Ticks / 50, 3 * TypicalStep(points).Ticks));
        foreach (var segment in Segments(reduced, maxGap))
        {
            var xs = segment.Select(p => Local(p.Timestamp, zone)).ToArray();
            var ys = segment.Select(p => p.Value).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, LineColor);
            line.LineWidth = 1.5f;
            if (segment.Count == 1)
            {
                line.MarkerSize = 4;
            }
        }

        var flagged = reduced.Where(p => p.Flagged).ToList();
        if (flagged.Count > 0)
        {
            plot.Add.Markers(flagged.Select(p => Local(p.Timestamp, zone)).ToArray(), flagged.Select(p => p.Value).ToArray(), MarkerShape.Eks, 7, FlagColor);
        }

        if (reduced.Count == 0)
        {
            plot.Add.Annotation("No readings in this period", Alignment.MiddleCenter);
            plot.Axes.SetLimitsY(metric.PlausibleMinimum, Math.Min(metric.PlausibleMaximum, metric.PlausibleMinimum + 1));
        }

        var timeAxis = plot.Axes.DateTimeTicksBottom();
        if (timeAxis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = TickLabel;
        }

        plot.Axes.SetLimitsX(Local(range.From, zone), Local(range.To, zone));
        plot.YLabel($"{metric.Label} ({metric.UnitSymbol})");
        plot.XLabel($"Local time ({zone.Id})");
        return plot;
    }

    /// <summary>
    /// Short tick labels in the current culture: the day at midnight ("Wed 25 Nov"), otherwise the clock
    /// time ("14:00"), instead of a full date and time on every tick.
    /// </summary>
    private static string TickLabel(DateTime local) =>
        local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("ddd d MMM", System.Globalization.CultureInfo.CurrentCulture)
            : local.ToString("HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The median time between consecutive readings (zero for fewer than two).</summary>
    private static TimeSpan TypicalStep(IReadOnlyList<ChartPoint> points)
    {
        if (points.Count < 2)
        {
            return TimeSpan.Zero;
        }

        // Sample at most about a thousand steps: enough for a median, cheap for a week of 10-second data.
        var stride = Math.Max(1, points.Count / 1000);
        var steps = new List<long>();
        for (var i = stride; i < points.Count; i += stride)
        {
            steps.Add((points[i].Timestamp - points[i - 1].Timestamp).Ticks);
        }

        steps.Sort();
        return TimeSpan.FromTicks(steps[steps.Count / 2]);
    }

    private static double Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime.ToOADate();

    private static IEnumerable<List<ChartPoint>> Segments(IReadOnlyList<ChartPoint> points, TimeSpan maxGap)
    {
        var segment = new List<ChartPoint>();
        foreach (var point in points)
        {
            if (segment.Count > 0 && point.Timestamp - segment[^1].Timestamp > maxGap)
            {
                yield return segment;
                segment = [];
            }

            segment.Add(point);
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }
}
