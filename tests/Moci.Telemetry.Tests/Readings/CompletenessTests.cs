using Moci.Telemetry.Readings;

namespace Moci.Telemetry.Tests.Readings;

public sealed class CompletenessTests
{
    // Directive 2008/50/EC, Annex VII A.2: one-hour values need 75 % (45 minutes) of the hour.
    [TestCase(45, 60, true)]
    [TestCase(44, 60, false)]
    [TestCase(540, 720, true)]
    [TestCase(539, 720, false)]
    [TestCase(3, 4, true)]
    [TestCase(2, 4, false)]
    [TestCase(1, 1, true)]
    [TestCase(0, 1, false)]
    [TestCase(5, 0, false)]
    public void IsHourComplete_At75PercentEdge(long valid, long expected, bool complete)
    {
        Assert.That(Completeness.IsHourComplete(valid, expected), Is.EqualTo(complete));
    }

    // Annex XI A: a 24-hour value needs 75 % of the hourly averages, at least 18 of them.
    [TestCase(18, true)]
    [TestCase(17, false)]
    [TestCase(24, true)]
    [TestCase(0, false)]
    public void IsDayComplete_At18ValidHoursEdge(int hours, bool complete)
    {
        Assert.That(Completeness.IsDayComplete(hours), Is.EqualTo(complete));
    }

    [TestCase(60, 60)]
    [TestCase(5, 720)]
    [TestCase(145, 25)]
    [TestCase(7200, 1)]
    public void ExpectedPerHour_IsTheHourOverTheIntervalRoundedAndAtLeastOne(int seconds, int expected)
    {
        Assert.That(Completeness.ExpectedPerHour(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }

    [Test]
    public void ExpectedPerHour_NoInterval_Rejects()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Completeness.ExpectedPerHour(TimeSpan.Zero));
    }

    [TestCase(45, 60, 0.75)]
    [TestCase(90, 60, 1.0)]
    [TestCase(0, 60, 0.0)]
    public void HourCoverage_IsTheValidShareCappedAtOne(long valid, long expected, double coverage)
    {
        Assert.That(Completeness.HourCoverage(valid, expected), Is.EqualTo(coverage).Within(1e-12));
    }

    [Test]
    public void HourCoverage_NothingExpected_IsNull()
    {
        Assert.That(Completeness.HourCoverage(3, 0), Is.Null);
    }

    [Test]
    public void DayCoverage_18Hours_Is75Percent()
    {
        Assert.That(Completeness.DayCoverage(18), Is.EqualTo(0.75));
    }
}
