using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class CompletenessRuleTests
{
    // Directive 2008/50/EC Annex XI A: "one hour values: 75 % (i.e. 45 minutes)"; "24-hour values: 75 % of the
    // hourly averages (i.e. at least 18 hour values)".
    [Test]
    public void Check_HourWith44Of60Minutes_IsIncompleteAndSaysWhatIsMissing()
    {
        var check = CompletenessRules.HourlyMean.Check(44, 60);

        Assert.That(check.IsComplete, Is.False);
        Assert.That(check.Reason, Is.EqualTo("hourly mean: 44 of 60 values valid, 45 needed (75 %)"));
        Assert.That(check.RequiredCount, Is.EqualTo(45));
    }

    [Test]
    public void Check_HourWith45Of60Minutes_IsCompleteWithoutReason()
    {
        var check = CompletenessRules.HourlyMean.Check(45, 60);

        Assert.That(check.IsComplete, Is.True);
        Assert.That(check.Reason, Is.Empty);
        Assert.That(check.Coverage, Is.EqualTo(0.75));
    }

    [TestCase(17, false)]
    [TestCase(18, true)]
    [TestCase(24, true)]
    public void Check_DayNeeds18ValidHours(int validHours, bool complete)
    {
        Assert.That(CompletenessRules.DailyMean.Check(validHours, 24).IsComplete, Is.EqualTo(complete));
    }

    [Test]
    public void Check_Aggregate_UsesItsCounts()
    {
        var hour = PeriodAggregate.Hour(DateTimeOffset.UnixEpoch, 12.5, 539, 720);

        Assert.That(CompletenessRules.HourlyMean.Check(hour).Reason, Does.Contain("539 of 720 values valid, 540 needed"));
    }

    [Test]
    public void Check_MoreValidThanExpected_IsCompleteWithCoverageOfOne()
    {
        var check = CompletenessRules.HourlyMean.Check(61, 60);

        Assert.That(check.IsComplete, Is.True);
        Assert.That(check.Coverage, Is.EqualTo(1.0));
    }

    [TestCase(-1, 60)]
    [TestCase(10, 0)]
    public void Check_ImpossibleCounts_Throw(int valid, int expected)
    {
        Assert.That(() => CompletenessRules.HourlyMean.Check(valid, expected), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
