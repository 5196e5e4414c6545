using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Limits;

public sealed class DailyMeansTests
{
    // 1 March 2025 at CET begins 28 February 23:00Z.
    private static readonly DateTimeOffset DayStart = new(2025, 2, 28, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public void FromHourly_FullDay_IsTheMeanOfItsHours()
    {
        var days = DailyMeans.FromHourly(Aggregates.Hours(DayStart, 24, i => i));

        Assert.That(days, Has.Count.EqualTo(1));
        Assert.That(days[0].Start, Is.EqualTo(DayStart));
        Assert.That(days[0].Mean, Is.EqualTo(11.5));
        Assert.That(days[0].ValidCount, Is.EqualTo(24));
        Assert.That(days[0].ExpectedCount, Is.EqualTo(24));
    }

    // Directive 2008/50/EC Annex XI A: "24-hour values: 75 % of the hourly averages (i.e. at least 18 hour values)".
    [TestCase(18, true)]
    [TestCase(17, false)]
    public void FromHourly_DayWithFewHours_KeepsItsCountForTheDailyRule(int hours, bool complete)
    {
        var day = DailyMeans.FromHourly(Aggregates.Hours(DayStart, hours, _ => 30)).Single();

        Assert.That(day.ValidCount, Is.EqualTo(hours));
        Assert.That(CompletenessRules.DailyMean.Check(day).IsComplete, Is.EqualTo(complete));
    }

    // Directive 2008/50/EC Annex XI A: "one hour values: 75 % (i.e. 45 minutes)".
    [Test]
    public void FromHourly_HourBelow45Minutes_IsLeftOutOfTheMean()
    {
        var hours = Aggregates.Hours(DayStart, 23, _ => 20)
            .Append(PeriodAggregate.Hour(DayStart.AddHours(23), 500, 44, 60));

        var day = DailyMeans.FromHourly(hours).Single();

        Assert.That(day.Mean, Is.EqualTo(20));
        Assert.That(day.ValidCount, Is.EqualTo(23));
    }

    [Test]
    public void FromHourly_HourWith45Minutes_CountsInTheMean()
    {
        var hours = Aggregates.Hours(DayStart, 23, _ => 20)
            .Append(PeriodAggregate.Hour(DayStart.AddHours(23), 44, 45, 60));

        var day = DailyMeans.FromHourly(hours).Single();

        Assert.That(day.Mean, Is.EqualTo(21));
        Assert.That(day.ValidCount, Is.EqualTo(24));
    }

    [Test]
    public void FromHourly_HoursAcrossMidnightCet_SplitAt23hUtc()
    {
        var days = DailyMeans.FromHourly(Aggregates.Hours(DayStart.AddHours(-2), 4, _ => 10));

        Assert.That(days.Select(d => d.Start), Is.EqualTo(new[] { DayStart.AddDays(-1), DayStart }));
        Assert.That(days.Select(d => d.ValidCount), Is.EqualTo(new[] { 2, 2 }));
    }

    [Test]
    public void FromHourly_UtcCalendar_CutsAtMidnightUtc()
    {
        var days = DailyMeans.FromHourly(Aggregates.Hours(DayStart.AddHours(-2), 4, _ => 10), ReportingCalendar.Utc);

        Assert.That(days.Select(d => d.ValidCount), Is.EqualTo(new[] { 3, 1 }));
    }

    [Test]
    public void FromHourly_DayWithoutValidHours_HasNoMean()
    {
        var day = DailyMeans.FromHourly([PeriodAggregate.Hour(DayStart, 9, 10, 60)]).Single();

        Assert.That(day.Mean, Is.Null);
        Assert.That(day.ValidCount, Is.Zero);
    }

    [Test]
    public void FromHourly_SameHourTwice_ThrowsNamingIt()
    {
        var hour = Aggregates.FullHour(DayStart, 1);

        Assert.That(() => DailyMeans.FromHourly([hour, hour]),
            Throws.ArgumentException.With.Message.Contains("two hourly aggregates start at 2025-02-28T23:00:00"));
    }

    [Test]
    public void FromHourly_HourNotOnTheHour_Throws()
    {
        Assert.That(() => DailyMeans.FromHourly([Aggregates.FullHour(DayStart.AddMinutes(30), 1)]),
            Throws.ArgumentException.With.Message.Contains("does not start on a whole hour"));
    }

    [Test]
    public void FromHourly_DailyAggregate_Throws()
    {
        Assert.That(() => DailyMeans.FromHourly([PeriodAggregate.Day(DayStart, 1, 24)]),
            Throws.ArgumentException.With.Message.Contains("hourly aggregates are needed"));
    }
}
