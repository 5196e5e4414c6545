using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class CompletenessRulesTests
{
    private static IEnumerable<CompletenessRule> All() =>
    [
        CompletenessRules.HourlyMean, CompletenessRules.DailyMean, CompletenessRules.EightHourMean,
        CompletenessRules.MaximumDailyEightHourMean, CompletenessRules.EaqiRunningMean, CompletenessRules.UsAqiDailyMean,
    ];

    [Test]
    public void EveryShortTermRule_IsSeventyFivePercentWithASource()
    {
        Assert.That(All().Select(r => r.Required), Has.All.EqualTo(CoverageRequirement.ThreeQuarters));
        Assert.That(All().Select(r => r.Source), Has.All.Contains("https://"));
    }

    // 2008/50/EC Annex XI A: eight-hour values "75 % of values (i.e. six hours)"; maximum daily eight-hour mean
    // "75 % of the hourly running eight hour averages (i.e. 18 eight hour averages per day)".
    [Test]
    public void EightHourMean_NeedsSixOfEightHours()
    {
        Assert.That(CompletenessRules.EightHourMean.Check(5, 8).IsComplete, Is.False);
        Assert.That(CompletenessRules.EightHourMean.Check(6, 8).IsComplete, Is.True);
    }

    [Test]
    public void MaximumDailyEightHourMean_Needs18Of24RunningMeans()
    {
        Assert.That(CompletenessRules.MaximumDailyEightHourMean.Check(17, 24).IsComplete, Is.False);
        Assert.That(CompletenessRules.MaximumDailyEightHourMean.Check(18, 24).IsComplete, Is.True);
    }
}
