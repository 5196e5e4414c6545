using Moci.Ingest.Queries;
using Moci.Telemetry.Time;
using ScottPlot;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Builds the chart of one metric over a time range: readings as a line in the station colour, or hourly or daily
/// periods as a band from lowest to highest valid value with a line through the complete periods' means (incomplete
/// ones lighter, without a mean); the limit set's values as labelled dashed lines; QA-flagged readings as red crosses
/// that never stretch the value axis (off the scale they become arrows at its edge and a count in the footnote); gaps
/// in the data left as gaps; a title with the station, metric, unit and local period, and a footnote with the time
/// zone, the source and the licence. The caller renders and disposes the plot.
/// </summary>
public static class TimeSeriesChart
{
    private static readonly Color LineColor = Color.FromHex("#1b6ca8");
    private static readonly Color BandColor = Color.FromHex("#1b6ca8").WithAlpha(0.30);
    private static readonly Color IncompleteColor = Color.FromHex("#9e9e9e").WithAlpha(0.30);
    private static readonly Color FlagColor = Color.FromHex("#c62828");
    private static readonly Color LimitColor = Color.FromHex("#e65100");

    /// <param name="subject">Station, metric, period and limit set.</param>
    /// <param name="series">What is drawn.</param>
    /// <param name="credits">Time zone, culture, source and licence.</param>
    /// <param name="columns">Pixel columns available: at most two points, or one period, per column are drawn.</param>
    public static Plot Build(ChartSubject subject, ChartSeries series, ChartCredits credits, int columns)
    {
        var plot = new Plot();
        var range = subject.Range;
        var zone = credits.Zone;
        var metric = subject.Metric;
        var notes = new List<string>();
        var values = new List<double>();

        var points = series.Points.Where(p => range.Contains(p.Timestamp) && double.IsFinite(p.Value)).ToList();
        var valid = points.Where(p => !p.Flagged).ToList();
        var flagged = points.Where(p => p.Flagged).ToList();
        if (series.Resolution == Resolution.Raw)
        {
            var reduced = MinMaxReducer.Reduce(valid, range, columns);
            DrawReadings(plot, reduced, range, zone);
            values.AddRange(reduced.Select(p => p.Value));
        }
        else
        {
            var periods = PeriodReducer.Reduce(series.Periods, range, columns);
            DrawPeriods(plot, periods, range, zone);
            values.AddRange(periods.SelectMany(p => new[] { p.Min, p.Max }));
            if (periods.Any(p => p.Incomplete))
            {
                notes.Add(ChartText.Incomplete(series.Resolution));
            }

            if (series.FlaggedNotDrawn > 0)
            {
                notes.Add(ChartText.FlaggedNotDrawn(series.FlaggedNotDrawn, series.Resolution));
            }
        }

        var hasData = values.Count > 0;
        var limits = ChartLimits.Lines(subject.Limits, metric);
        values.AddRange(limits.Select(l => l.Value));

        // Flagged readings set the scale only when nothing valid is there to show.
        var scale = ValueScale.Fit(values.Count > 0 ? values : flagged.Select(p => p.Value), metric)
            ?? new ValueScale(metric.PlausibleMinimum, Math.Min(metric.PlausibleMaximum, metric.PlausibleMinimum + 1));
        DrawLimits(plot, limits, range, zone, scale);
        DrawFlagged(plot, flagged, range, zone, scale, columns, subject, notes);
        if (!hasData && flagged.Count == 0)
        {
            plot.Add.Annotation("No readings in this period", Alignment.MiddleCenter);
        }

        if (subject.Limits is { } set && ChartLimits.NotDrawn(set, metric) is { Count: > 0 } longer)
        {
            notes.Add(ChartText.NotDrawn(set, longer));
        }

        var timeAxis = plot.Axes.DateTimeTicksBottom();
        if (timeAxis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = TickLabel;
        }

        plot.Axes.SetLimitsX(Local(range.From, zone), Local(range.To, zone));
        plot.Axes.SetLimitsY(scale.Bottom, scale.Top);
        plot.Title(ChartText.Title(subject, series.Resolution, credits), size: 13);
        plot.YLabel($"{metric.Label} ({metric.UnitSymbol})");
        plot.XLabel(string.Join('\n', [$"Local time ({zone.Id})", ChartText.Credit(credits), .. notes]));
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.Axes.Bottom.Label.Bold = false;
        return plot;
    }

    /// <summary>The lines of the footnote under the time axis (time zone, credit, then one per note).</summary>
    public static int FootnoteLines(Plot plot) => 1 + plot.Axes.Bottom.Label.Text.Count(c => c == '\n');

    private static void DrawReadings(Plot plot, IReadOnlyList<ChartPoint> points, TimeRange range, TimeZoneInfo zone)
    {
        // A gap longer than three usual steps and a fiftieth of the range is a pause in the data, not a line.
        var maxGap = TimeSpan.FromTicks(Math.Max(range.Duration.Ticks / 50, 3 * TypicalStep(points).Ticks));
        foreach (var segment in Segments(points, p => p.Timestamp, p => p.Timestamp, maxGap))
        {
            var line = plot.Add.ScatterLine(segment.Select(p => Local(p.Timestamp, zone)).ToArray(), segment.Select(p => p.Value).ToArray(), LineColor);
            line.LineWidth = 1.5f;
            if (segment.Count == 1)
            {
                line.MarkerSize = 4;
            }
        }
    }

    /// <summary>Each run of adjacent periods as steps: a band per run of equal completeness, the means as a line broken where there is none.</summary>
    private static void DrawPeriods(Plot plot, IReadOnlyList<ChartPeriod> periods, TimeRange range, TimeZoneInfo zone)
    {
        var length = periods.Count == 0 ? TimeSpan.Zero : periods.Min(p => p.End - p.Start);
        var maxGap = TimeSpan.FromTicks(Math.Max(range.Duration.Ticks / 50, 3 * length.Ticks));
        foreach (var segment in Segments(periods, p => p.Start, p => p.End, maxGap))
        {
            foreach (var run in Runs(segment, p => p.Incomplete))
            {
                var xs = run.SelectMany(p => new[] { Local(Clip(p.Start, range), zone), Local(Clip(p.End, range), zone) }).ToArray();
                var fill = plot.Add.FillY(xs, run.SelectMany(p => new[] { p.Min, p.Min }).ToArray(), run.SelectMany(p => new[] { p.Max, p.Max }).ToArray());
                fill.FillColor = run[0].Incomplete ? IncompleteColor : BandColor;
                fill.LineWidth = 0;
            }

            foreach (var run in Runs(segment, p => p.Mean is null).Where(r => r[0].Mean is not null))
            {
                var xs = run.Select(p => Local(Clip(p.Start + (p.End - p.Start) / 2, range), zone)).ToArray();
                var line = plot.Add.ScatterLine(xs, run.Select(p => p.Mean!.Value).ToArray(), LineColor);
                line.LineWidth = 1.5f;
                if (run.Count == 1)
                {
                    line.MarkerSize = 4;
                }
            }
        }
    }

    private static void DrawLimits(Plot plot, IReadOnlyList<ChartLimitLine> limits, TimeRange range, TimeZoneInfo zone, ValueScale scale)
    {
        foreach (var limit in limits)
        {
            var line = plot.Add.HorizontalLine(limit.Value, 1.5f, LimitColor, LinePattern.Dashed);
            var label = plot.Add.Text(limit.Label, Local(range.From, zone), limit.Value);
            label.LabelStyle.FontSize = 11;
            label.LabelStyle.ForeColor = LimitColor;

            // Above its line, unless the line is at the top of the scale.
            var high = limit.Value > scale.Bottom + 0.85 * (scale.Top - scale.Bottom);
            label.LabelStyle.Alignment = high ? Alignment.UpperLeft : Alignment.LowerLeft;
            label.LabelStyle.OffsetX = 4;
            label.LabelStyle.OffsetY = high ? 3 : -3;
            label.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.75);
        }
    }

    /// <summary>
    /// Flagged readings on the scale as red crosses; those off it as red arrows at its edge, counted in the notes with
    /// the most extreme value, so that one 950 µg/m³ outlier neither flattens a week nor disappears.
    /// </summary>
    private static void DrawFlagged(Plot plot, List<ChartPoint> flagged, TimeRange range, TimeZoneInfo zone, ValueScale scale, int columns, ChartSubject subject, List<string> notes)
    {
        if (flagged.Count == 0)
        {
            return;
        }

        var onScale = MinMaxReducer.Reduce(flagged.Where(p => scale.Contains(p.Value)).ToList(), range, columns);
        if (onScale.Count > 0)
        {
            plot.Add.Markers(onScale.Select(p => Local(p.Timestamp, zone)).ToArray(), onScale.Select(p => p.Value).ToArray(), MarkerShape.Eks, 7, FlagColor);
        }

        var edge = 0.03 * (scale.Top - scale.Bottom);
        var above = flagged.Where(p => p.Value > scale.Top).ToList();
        if (above.Count > 0)
        {
            var marks = MinMaxReducer.Reduce(above, range, columns);
            plot.Add.Markers(marks.Select(p => Local(p.Timestamp, zone)).ToArray(), marks.Select(_ => scale.Top - edge).ToArray(), MarkerShape.FilledTriangleUp, 8, FlagColor);
            notes.Add(ChartText.OffScale(above.Count, true, above.Max(p => p.Value), subject));
        }

        var below = flagged.Where(p => p.Value < scale.Bottom).ToList();
        if (below.Count > 0)
        {
            var marks = MinMaxReducer.Reduce(below, range, columns);
            plot.Add.Markers(marks.Select(p => Local(p.Timestamp, zone)).ToArray(), marks.Select(_ => scale.Bottom + edge).ToArray(), MarkerShape.FilledTriangleDown, 8, FlagColor);
            notes.Add(ChartText.OffScale(below.Count, false, below.Min(p => p.Value), subject));
        }
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

    /// <summary>A period of the widened range drawn from the chart's edge, not before it.</summary>
    private static DateTimeOffset Clip(DateTimeOffset instant, TimeRange range) =>
        instant < range.From ? range.From : instant > range.To ? range.To : instant;

    /// <summary>Splits items (oldest first) where more than <paramref name="maxGap"/> lies between one's end and the next one's start.</summary>
    private static IEnumerable<List<T>> Segments<T>(IReadOnlyList<T> items, Func<T, DateTimeOffset> start, Func<T, DateTimeOffset> end, TimeSpan maxGap)
    {
        var segment = new List<T>();
        foreach (var item in items)
        {
            if (segment.Count > 0 && start(item) - end(segment[^1]) > maxGap)
            {
                yield return segment;
                segment = [];
            }

            segment.Add(item);
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    /// <summary>Splits items into runs over which <paramref name="key"/> stays the same.</summary>
    private static IEnumerable<List<T>> Runs<T>(List<T> items, Func<T, bool> key)
    {
        var run = new List<T>();
        foreach (var item in items)
        {
            if (run.Count > 0 && key(item) != key(run[^1]))
            {
                yield return run;
                run = [];
            }

            run.Add(item);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
