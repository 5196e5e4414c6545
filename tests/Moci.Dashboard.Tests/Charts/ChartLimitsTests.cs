using Moci.Dashboard.Charts;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;

namespace Moci.Dashboard.Tests.Charts;

public sealed class ChartLimitsTests
{
    [TestCase(null, "who2021", "who2021")]
    [TestCase("", "who2021", "who2021")]
    [TestCase("eu2008", "who2021", "eu2008")]
    [TestCase("EU2030", "who2021", "eu2030")]
    [TestCase("none", "who2021", null)]
    [TestCase(null, "none", null)]
    public void TryResolve_KnownOrDefault_GivesTheSet(string? requested, string defaultId, string? expected)
    {
        Assert.That(ChartLimits.TryResolve(requested, defaultId, out var set), Is.True);
        Assert.That(set?.Id, Is.EqualTo(expected));
    }

    [Test]
    public void TryResolve_UnknownSet_Fails()
    {
        Assert.That(ChartLimits.TryResolve("who2005", "who2021", out _), Is.False);
    }

    [Test]
    public void Lines_Eu2030Pm25_TheDailyLimitFromTheTable()
    {
        var daily = LimitSets.Eu2030.Find(AirPollutants.Pm2_5, AveragingPeriod.OneDay)!;

        var lines = ChartLimits.Lines(LimitSets.Eu2030, MetricCatalogue.Pm2_5);

        Assert.That(lines.Select(l => l.Value), Is.EqualTo(new[] { daily.Threshold }), "the annual value is not drawn");
        Assert.That(lines[0].Label, Does.StartWith($"EU 2024/2881 (2030) 24-h limit {daily.Threshold} µg/m³"));
    }

    [Test]
    public void NotDrawn_Who2021Pm10_TheAnnualGuideline()
    {
        var notDrawn = ChartLimits.NotDrawn(LimitSets.Who2021, MetricCatalogue.Pm10);

        Assert.That(notDrawn.Select(v => v.Period), Is.EqualTo(new[] { AveragingPeriod.CalendarYear }));
    }

    [TestCase("temperature")]
    [TestCase("ph")]
    [TestCase("pm1")]
    public void Lines_MetricWithoutValues_IsEmpty(string metric)
    {
        Assert.That(MetricCatalogue.TryGet(metric, out var found), Is.True);
        Assert.That(ChartLimits.Lines(LimitSets.Who2021, found!), Is.Empty);
    }
}
