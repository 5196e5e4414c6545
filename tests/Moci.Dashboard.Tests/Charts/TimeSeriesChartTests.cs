using Moci.Dashboard.Charts;
using Moci.Telemetry.Time;
using Moci.Telemetry.Metrics;

namespace Moci.Dashboard.Tests.Charts;

public sealed class TimeSeriesChartTests
{
    private static readonly TimeZoneInfo Tirane = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane");

    private static ChartPoint[] Hourly(DateTimeOffset from, int hours, Func<int, double>? value = null) =>
        Enumerable.Range(0, hours).Select(i => new ChartPoint(from.AddHours(i), value?.Invoke(i) ?? 10 + i)).ToArray();

    [TestCase("2026-11-25T00:00:00Z", 2026, 11, 25, 1)] // CET, UTC+1
    [TestCase("2026-07-01T00:00:00Z", 2026, 7, 1, 2)] // CEST, UTC+2
    public void Build_TimeAxisStartsAtTheLocalTimeOfFrom(string from, int year, int month, int day, int hour)
    {
        var start = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        using var plot = TimeSeriesChart.Build(MetricCatalogue.Pm10, Hourly(start, 24), new TimeRange(start, start.AddDays(1)), Tirane, 600);

        var limits = plot.Axes.GetLimits();

        Assert.That(DateTime.FromOADate(limits.Left), Is.EqualTo(new DateTime(year, month, day, hour, 0, 0)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(DateTime.FromOADate(limits.Right), Is.EqualTo(new DateTime(year, month, day, hour, 0, 0).AddDays(1)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Build_LabelsTheValueAxisWithTheUnit()
    {
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        using var plot = TimeSeriesChart.Build(MetricCatalogue.Conductivity, Hourly(start, 3), new TimeRange(start, start.AddDays(1)), Tirane, 600);

        var svg = plot.GetSvgXml(600, 250);

        Assert.That(svg, Does.Contain("Conductivity (µS/cm)"));
    }

    [Test]
    public void Build_TickLabels_AreClockTimesAndDaysAtMidnight()
    {
        var start = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero); // 25 Nov 00:00 in Tirane
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-GB");
        try
        {
            using var plot = TimeSeriesChart.Build(MetricCatalogue.Pm10, Hourly(start, 24), new TimeRange(start, start.AddDays(1)), Tirane, 600);
            var svg = plot.GetSvgXml(600, 250);

            Assert.That(svg, Does.Contain("Wed 25 Nov"));
            Assert.That(svg, Does.Contain("12:00"));
            Assert.That(svg, Does.Not.Contain("25/11/2026"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Build_GapInTheData_DrawsTwoLines()
    {
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        ChartPoint[] points = [.. Hourly(start, 5), .. Hourly(start.AddHours(12), 5)];

        using var plot = TimeSeriesChart.Build(MetricCatalogue.Ph, points, new TimeRange(start, start.AddDays(1)), Tirane, 600);

        Assert.That(plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Build_FlaggedPoints_AreMarked()
    {
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var points = Hourly(start, 6).Select((p, i) => i == 3 ? p with { Value = 104, Flagged = true } : p).ToArray();

        using var plot = TimeSeriesChart.Build(MetricCatalogue.Humidity, points, new TimeRange(start, start.AddDays(1)), Tirane, 600);

        var markers = plot.GetPlottables().OfType<ScottPlot.Plottables.Markers>().Single();
        Assert.That(markers.Data.GetScatterPoints().Single().Y, Is.EqualTo(104));
    }

    [Test]
    public void Build_NoData_SaysSo()
    {
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        using var plot = TimeSeriesChart.Build(MetricCatalogue.Ph, [], new TimeRange(start, start.AddDays(1)), Tirane, 600);

        Assert.That(plot.GetSvgXml(600, 250), Does.Contain("No readings in this period"));
    }
}
