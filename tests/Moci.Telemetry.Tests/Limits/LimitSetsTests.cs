using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;

namespace Moci.Telemetry.Tests.Limits;

public sealed class LimitSetsTests
{
    private static IEnumerable<LimitValue> EveryValue() =>
        LimitSets.All.SelectMany(s => s.Values.Concat(s.InterimTargets));

    [TestCase("eu2008")]
    [TestCase("eu2030")]
    [TestCase("who2021")]
    public void Get_KnownId_ReturnsTheSetWithThatId(string id)
    {
        Assert.That(LimitSets.Get(id).Id, Is.EqualTo(id));
    }

    [TestCase("eu2020")]
    [TestCase("EU2008")]
    [TestCase("")]
    public void Get_UnknownId_FailsNamingTheIdAndListingTheKnownOnes(string id)
    {
        Assert.That(() => LimitSets.Get(id),
            Throws.ArgumentException.With.Message.Contains($"'{id}'").And.Message.Contains("eu2008, eu2030, who2021"));
    }

    [Test]
    public void TryGet_Null_ReturnsFalse()
    {
        Assert.That(LimitSets.TryGet(null, out _), Is.False);
    }

    [Test]
    public void EveryValue_HasASourceWithAnAddress()
    {
        Assert.That(EveryValue().Select(v => v.Source), Has.All.Contains("https://"));
    }

    [Test]
    public void EveryValue_BelongsToItsSetAndIsAPositiveConcentration()
    {
        foreach (var set in LimitSets.All)
        {
            var values = set.Values.Concat(set.InterimTargets).ToList();
            Assert.That(values.Select(v => v.SetId), Has.All.EqualTo(set.Id), set.Id);
            Assert.That(values.Select(v => v.Threshold), Has.All.GreaterThan(0), set.Id);
            Assert.That(values.Select(v => v.Unit), Has.All.AnyOf("ug/m3", "mg/m3"), set.Id);
        }
    }

    [Test]
    public void EveryValue_OfAMetricInTheCatalogue_IsInTheCatalogueUnit()
    {
        foreach (var value in EveryValue())
        {
            if (MetricCatalogue.TryGet(value.Metric, out var metric))
            {
                Assert.That(value.Unit, Is.EqualTo(metric.Unit), value.Describe());
            }
        }
    }

    [Test]
    public void EverySet_HasOneValuePerMetricAndPeriod()
    {
        foreach (var set in LimitSets.All)
        {
            Assert.That(set.Values.Select(v => (v.Metric, v.Period)), Is.Unique, set.Id);
        }
    }

    [Test]
    public void EverySet_StatesItsEditionProvenanceAndAnnualRuleWithSources()
    {
        foreach (var set in LimitSets.All)
        {
            Assert.That(set.Edition, Is.Not.Empty, set.Id);
            Assert.That(set.Provenance, Is.Not.Empty, set.Id);
            Assert.That(set.Source, Does.StartWith("https://"), set.Id);
            Assert.That(set.AnnualCoverage.Source, Does.Contain("https://"), set.Id);
        }
    }

    [TestCase("eu2008", 9, 10)]
    [TestCase("eu2030", 17, 20)]
    [TestCase("who2021", 17, 20)]
    public void AnnualCoverage_IsTheDirectivesMinimumDataCapture(string id, int numerator, int denominator)
    {
        // 2008/50/EC Annex XI A: annual mean from 90 % of the values; (EU) 2024/2881 Annex V: 85 % data coverage.
        Assert.That(LimitSets.Get(id).AnnualCoverage.Required, Is.EqualTo(new CoverageRequirement(numerator, denominator)));
    }

    // Directive 2008/50/EC Annex XI B (PM10, NO2, SO2, CO, benzene), Annex XIV E (PM2.5), Annex VII B (O3 target value).
    [TestCase("pm10", AveragingPeriod.OneDay, 50, 35)]
    [TestCase("pm10", AveragingPeriod.CalendarYear, 40, null)]
    [TestCase("pm2_5", AveragingPeriod.CalendarYear, 25, null)]
    [TestCase("no2", AveragingPeriod.OneHour, 200, 18)]
    [TestCase("no2", AveragingPeriod.CalendarYear, 40, null)]
    [TestCase("so2", AveragingPeriod.OneHour, 350, 24)]
    [TestCase("so2", AveragingPeriod.OneDay, 125, 3)]
    [TestCase("co", AveragingPeriod.MaximumDailyEightHourMean, 10, null)]
    [TestCase("benzene", AveragingPeriod.CalendarYear, 5, null)]
    [TestCase("o3", AveragingPeriod.MaximumDailyEightHourMean, 120, 25)]
    public void Eu2008_HoldsTheValuesOfDirective2008_50(string metric, AveragingPeriod period, double threshold, int? permitted)
    {
        AssertValue(LimitSets.Eu2008, metric, period, threshold, permitted);
    }

    // Directive (EU) 2024/2881 Annex I, section 1 table 1 (limit values by 1 January 2030) and section 2 B (O3 target value).
    [TestCase("pm2_5", AveragingPeriod.OneDay, 25, 18)]
    [TestCase("pm2_5", AveragingPeriod.CalendarYear, 10, null)]
    [TestCase("pm10", AveragingPeriod.OneDay, 45, 18)]
    [TestCase("pm10", AveragingPeriod.CalendarYear, 20, null)]
    [TestCase("no2", AveragingPeriod.OneHour, 200, 3)]
    [TestCase("no2", AveragingPeriod.OneDay, 50, 18)]
    [TestCase("no2", AveragingPeriod.CalendarYear, 20, null)]
    [TestCase("so2", AveragingPeriod.OneHour, 350, 3)]
    [TestCase("so2", AveragingPeriod.OneDay, 50, 18)]
    [TestCase("so2", AveragingPeriod.CalendarYear, 20, null)]
    [TestCase("co", AveragingPeriod.MaximumDailyEightHourMean, 10, null)]
    [TestCase("co", AveragingPeriod.OneDay, 4, 18)]
    [TestCase("benzene", AveragingPeriod.CalendarYear, 3.4, null)]
    [TestCase("o3", AveragingPeriod.MaximumDailyEightHourMean, 120, 18)]
    public void Eu2030_HoldsTheValuesOfDirective2024_2881(string metric, AveragingPeriod period, double threshold, int? permitted)
    {
        AssertValue(LimitSets.Eu2030, metric, period, threshold, permitted);
    }

    // WHO global air quality guidelines 2021, executive summary: recommended AQG levels; short-term levels are
    // 99th percentiles, 3–4 exceedance days per year.
    [TestCase("pm2_5", AveragingPeriod.CalendarYear, 5, null)]
    [TestCase("pm2_5", AveragingPeriod.OneDay, 15, 3)]
    [TestCase("pm10", AveragingPeriod.CalendarYear, 15, null)]
    [TestCase("pm10", AveragingPeriod.OneDay, 45, 3)]
    [TestCase("o3", AveragingPeriod.PeakSeason, 60, null)]
    [TestCase("o3", AveragingPeriod.MaximumDailyEightHourMean, 100, 3)]
    [TestCase("no2", AveragingPeriod.CalendarYear, 10, null)]
    [TestCase("no2", AveragingPeriod.OneDay, 25, 3)]
    [TestCase("so2", AveragingPeriod.OneDay, 40, 3)]
    [TestCase("co", AveragingPeriod.OneDay, 4, 3)]
    public void Who2021_HoldsTheGuidelineLevels(string metric, AveragingPeriod period, double threshold, int? permitted)
    {
        AssertValue(LimitSets.Who2021, metric, period, threshold, permitted);
        Assert.That(LimitSets.Who2021.Find(metric, period)!.Kind, Is.EqualTo(LimitKind.GuidelineLevel));
    }

    // WHO 2021 executive summary: interim targets IT-1 … IT-4.
    [TestCase("pm2_5", AveragingPeriod.CalendarYear, new[] { 35, 25, 15, 10.0 })]
    [TestCase("pm2_5", AveragingPeriod.OneDay, new[] { 75, 50, 37.5, 25 })]
    [TestCase("pm10", AveragingPeriod.CalendarYear, new[] { 70, 50, 30, 20.0 })]
    [TestCase("pm10", AveragingPeriod.OneDay, new[] { 150, 100, 75, 50.0 })]
    [TestCase("o3", AveragingPeriod.PeakSeason, new[] { 100, 70.0 })]
    [TestCase("o3", AveragingPeriod.MaximumDailyEightHourMean, new[] { 160, 120.0 })]
    [TestCase("no2", AveragingPeriod.CalendarYear, new[] { 40, 30, 20.0 })]
    [TestCase("no2", AveragingPeriod.OneDay, new[] { 120, 50.0 })]
    [TestCase("so2", AveragingPeriod.OneDay, new[] { 125, 50.0 })]
    [TestCase("co", AveragingPeriod.OneDay, new[] { 7.0 })]
    public void Who2021_HoldsTheInterimTargetsInOrder(string metric, AveragingPeriod period, double[] levels)
    {
        var targets = LimitSets.Who2021.InterimTargets.Where(t => t.Metric == metric && t.Period == period).ToList();

        Assert.That(targets.Select(t => t.Threshold), Is.EqualTo(levels));
        Assert.That(targets.Select(t => t.Level), Is.EqualTo(levels.Select((_, i) => $"IT-{i + 1}")));
        Assert.That(targets.Select(t => t.Kind), Has.All.EqualTo(LimitKind.InterimTarget));
    }

    [Test]
    public void CarbonMonoxide_IsInMilligramsEverywhere()
    {
        Assert.That(EveryValue().Where(v => v.Metric == AirPollutants.Co).Select(v => v.Unit), Has.All.EqualTo("mg/m3"));
    }

    private static void AssertValue(LimitSet set, string metric, AveragingPeriod period, double threshold, int? permitted)
    {
        var value = set.Find(metric, period);

        Assert.That(value, Is.Not.Null, $"{set.Id} has no {metric} {period} value");
        Assert.That(value!.Threshold, Is.EqualTo(threshold));
        Assert.That(value.PermittedExceedancesPerYear, Is.EqualTo(permitted));
    }
}
