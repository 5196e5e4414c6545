using System.Globalization;
using Moci.Dashboard.Charts;
using Moci.Ingest.Queries;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Time;
using ScottPlot.Plottables;

namespace Moci.Dashboard.Tests.Charts;

public sealed class TimeSeriesChartTests
{
    private static readonly TimeZoneInfo Tirane = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane");
    private static readonly ChartCredits Credits = new(Tirane, CultureInfo.GetCultureInfo("en-GB"), "MOCI community stations", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/");
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static ChartPoint[] Hourly(DateTimeOffset from, int hours, Func<int, double>? value = null) =>
        Enumerable.Range(0, hours).Select(i => new ChartPoint(from.AddHours(i), value?.Invoke(i) ?? 10 + i)).ToArray();

    private static ScottPlot.Plot Build(Metric metric, ChartPoint[] points, TimeRange range, LimitSet? limits = null) =>
        TimeSeriesChart.Build(new ChartSubject("rrg-school-01", "Rrogozhina high school roof", metric, range, limits), ChartSeries.FromReadings(points, points.Length), Credits, 600);

    private static ScottPlot.Plot BuildPeriods(Metric metric, IReadOnlyList<PeriodSummary> periods, TimeRange range) =>
        TimeSeriesChart.Build(
            new ChartSubject("rrg-school-01", "Rrogozhina high school roof", metric, range),
            ChartSeries.FromPeriods(new SeriesPeriods(Resolution.Hour, range, TimeSpan.FromMinutes(1), 60, periods)),
            Credits,
            600);

    private static PeriodSummary Hour(int hour, double min, double max, bool incomplete = false, long flagged = 0) =>
        new(Start.AddHours(hour), Start.AddHours(hour + 1), incomplete ? null : (min + max) / 2, min, max, 60 + flagged, 60, incomplete ? 0.5 : 1, null, incomplete);

    /// <summary>The text of an SVG without its markup: ScottPlot writes each line of a label as its own text element.</summary>
    private static string Text(ScottPlot.Plot plot) =>
        string.Join('\n', System.Text.RegularExpressions.Regex.Matches(plot.GetSvgXml(760, 420), "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));

    [TestCase("2026-11-25T00:00:00Z", 2026, 11, 25, 1)] // CET, UTC+1
    [TestCase("2026-07-01T00:00:00Z", 2026, 7, 1, 2)] // CEST, UTC+2
    public void Build_TimeAxisStartsAtTheLocalTimeOfFrom(string from, int year, int month, int day, int hour)
    {
        var start = DateTimeOffset.Parse(from, CultureInfo.InvariantCulture);
        using var plot = Build(MetricCatalogue.Pm10, Hourly(start, 24), new TimeRange(start, start.AddDays(1)));

        var limits = plot.Axes.GetLimits();

        Assert.That(DateTime.FromOADate(limits.Left), Is.EqualTo(new DateTime(year, month, day, hour, 0, 0)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(DateTime.FromOADate(limits.Right), Is.EqualTo(new DateTime(year, month, day, hour, 0, 0).AddDays(1)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Build_LabelsTheValueAxisWithTheUnit()
    {
        using var plot = Build(MetricCatalogue.Conductivity, Hourly(Start, 3), new TimeRange(Start, Start.AddDays(1)));

        Assert.That(Text(plot), Does.Contain("Conductivity (µS/cm)"));
    }

    [Test]
    public void Build_TitleAndFootnote_NameStationMetricLocalPeriodSourceAndLicence()
    {
        using var plot = Build(MetricCatalogue.Pm2_5, Hourly(Start, 24), new TimeRange(Start, Start.AddDays(1)));

        var text = Text(plot);

        Assert.That(text, Does.Contain("Rrogozhina high school roof · PM2.5 (µg/m³)"));
        Assert.That(text, Does.Contain("25 Nov 2026 01:00 – 26 Nov 2026 01:00 Europe/Tirane · readings"), "the period in local time");
        Assert.That(text, Does.Contain("Data: MOCI community stations · Licence: CC BY 4.0 creativecommons.org/licenses/by/4.0/"));
        Assert.That(text, Does.Contain("Local time (Europe/Tirane)"));
    }

    [Test]
    public void Build_TickLabels_AreClockTimesAndDaysAtMidnight()
    {
        var start = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero); // 25 Nov 00:00 in Tirane
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("en-GB");
        try
        {
            using var plot = Build(MetricCatalogue.Pm10, Hourly(start, 24), new TimeRange(start, start.AddDays(1)));
            var text = Text(plot);

            Assert.That(text, Does.Contain("Wed 25 Nov"));
            Assert.That(text, Does.Contain("12:00"));
            Assert.That(text, Does.Not.Contain("25/11/2026"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Build_GapInTheData_DrawsTwoLines()
    {
        ChartPoint[] points = [.. Hourly(Start, 5), .. Hourly(Start.AddHours(12), 5)];

        using var plot = Build(MetricCatalogue.Ph, points, new TimeRange(Start, Start.AddDays(1)));

        Assert.That(plot.GetPlottables().OfType<Scatter>().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Build_FlaggedPointOnTheScale_IsMarkedWhereItIs()
    {
        var points = Hourly(Start, 6).Select((p, i) => i == 3 ? p with { Value = 12.5, Flagged = true } : p).ToArray();

        using var plot = Build(MetricCatalogue.Humidity, points, new TimeRange(Start, Start.AddDays(1)));

        var markers = plot.GetPlottables().OfType<Markers>().Single();
        Assert.That(markers.Data.GetScatterPoints().Single().Y, Is.EqualTo(12.5));
    }

    [Test]
    public void Build_WeekWithOneFlaggedOutlier_KeepsTheScaleNearTheValidDataAndCountsIt()
    {
        // A week of hourly PM2.5 between 8 and 30 µg/m³, one reading of 950 flagged out of range.
        var week = new TimeRange(Start, Start.AddDays(7));
        var points = Hourly(Start, 7 * 24, i => 8 + i % 23).Select((p, i) => i == 100 ? p with { Value = 950, Flagged = true } : p).ToArray();

        using var plot = Build(MetricCatalogue.Pm2_5, points, week);

        var limits = plot.Axes.GetLimits();
        Assert.That(limits.Top, Is.InRange(30, 40), "fitted to the valid values (8 … 30), not to the outlier");
        Assert.That(limits.Bottom, Is.InRange(0, 8));
        Assert.That(Text(plot), Does.Contain("1 flagged reading above the scale, up to 950.0 µg/m³"));
        var arrow = plot.GetPlottables().OfType<Markers>().Single();
        Assert.That(arrow.MarkerShape, Is.EqualTo(ScottPlot.MarkerShape.FilledTriangleUp), "drawn as an arrow at the top edge");
        Assert.That(arrow.Data.GetScatterPoints().Single().Y, Is.LessThanOrEqualTo(limits.Top));
    }

    [Test]
    public void Build_OnlyFlaggedReadings_AreDrawnOnTheirOwnScale()
    {
        var points = Hourly(Start, 4, i => 120 + i).Select(p => p with { Flagged = true }).ToArray();

        using var plot = Build(MetricCatalogue.Humidity, points, new TimeRange(Start, Start.AddDays(1)));

        Assert.That(plot.Axes.GetLimits().Top, Is.GreaterThanOrEqualTo(123));
        Assert.That(plot.GetPlottables().OfType<Markers>().Single().Data.GetScatterPoints(), Has.Count.EqualTo(4));
        Assert.That(Text(plot), Does.Not.Contain("No readings in this period"));
    }

    [Test]
    public void Build_Who2021OnPm25_DrawsTheDailyGuidelineLabelledAndScaledToIt()
    {
        var guideline = LimitSets.Who2021.Find(AirPollutants.Pm2_5, AveragingPeriod.OneDay)!.Threshold;

        using var plot = Build(MetricCatalogue.Pm2_5, Hourly(Start, 24, i => 2 + i % 6), new TimeRange(Start, Start.AddDays(1)), LimitSets.Who2021);

        var line = plot.GetPlottables().OfType<HorizontalLine>().Single();
        var text = Text(plot);
        Assert.That(line.Y, Is.EqualTo(guideline));
        Assert.That(plot.Axes.GetLimits().Top, Is.GreaterThan(guideline), "the scale reaches the guideline above the clean data");
        Assert.That(text, Does.Contain("WHO 2021 24-h guideline 15 µg/m³"));
        Assert.That(text, Does.Contain("WHO 2021 annual guideline 5 µg/m³ is for a mean over a longer period: not drawn"));
    }

    [Test]
    public void Build_Eu2008OnPm10_LabelsTheDaysAllowed()
    {
        using var plot = Build(MetricCatalogue.Pm10, Hourly(Start, 24), new TimeRange(Start, Start.AddDays(1)), LimitSets.Eu2008);

        Assert.That(plot.GetPlottables().OfType<HorizontalLine>().Single().Y, Is.EqualTo(50));
        Assert.That(Text(plot), Does.Contain("EU 2008/50 24-h limit 50 µg/m³ (35 days a year allowed)"));
    }

    [Test]
    public void Build_MetricWithoutLimits_DrawsNoLine()
    {
        using var plot = Build(MetricCatalogue.Turbidity, Hourly(Start, 24), new TimeRange(Start, Start.AddDays(1)), LimitSets.Who2021);

        Assert.That(plot.GetPlottables().OfType<HorizontalLine>(), Is.Empty);
    }

    [Test]
    public void Build_HourlyPeriods_DrawBandsAndMeansWithIncompleteHoursLighterAndWithoutMean()
    {
        var day = new TimeRange(Start, Start.AddDays(1));
        var periods = Enumerable.Range(0, 24).Select(h => Hour(h, 10, 20, incomplete: h is 8 or 9)).ToList();

        using var plot = BuildPeriods(MetricCatalogue.Pm10, periods, day);

        var bands = plot.GetPlottables().OfType<FillY>().ToList();
        Assert.That(bands, Has.Count.EqualTo(3), "complete, incomplete, complete");
        Assert.That(bands[1].FillColor, Is.Not.EqualTo(bands[0].FillColor), "incomplete hours look different");
        Assert.That(plot.GetPlottables().OfType<Scatter>().Count(), Is.EqualTo(2), "the mean line breaks where the hours have none");
        Assert.That(Text(plot), Does.Contain("light band: incomplete hours"));
    }

    [Test]
    public void Build_PeriodsWithFlaggedReadings_SayTheyAreNotDrawn()
    {
        var day = new TimeRange(Start, Start.AddDays(1));

        using var plot = BuildPeriods(MetricCatalogue.Pm10, [Hour(3, 10, 20, flagged: 2), Hour(4, 10, 20, flagged: 1)], day);

        Assert.That(Text(plot), Does.Contain("3 flagged readings not drawn: hourly values use valid readings only"));
    }

    [Test]
    public void Build_NoData_SaysSo()
    {
        using var plot = Build(MetricCatalogue.Ph, [], new TimeRange(Start, Start.AddDays(1)));

        Assert.That(Text(plot), Does.Contain("No readings in this period"));
    }
}
