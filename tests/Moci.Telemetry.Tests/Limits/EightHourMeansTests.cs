using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Limits;

public sealed class EightHourMeansTests
{
    // 1 March 2025 at CET begins 28 February 23:00Z.
    private static readonly DateTimeOffset DayStart = new(2025, 2, 28, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public void DailyMaxima_EightHighHoursEndingAt01h_BelongToTheDayTheyEndOn()
    {
        // 2008/50/EC Annex XI B note: "the first calculation period for any one day will be the period from 17:00
        // on the previous day to 01:00 on that day". Hours 17:00–01:00 CET at 100, all others 0.
        var hours = Aggregates.Hours(DayStart.AddHours(-24), 48, i => i is >= 17 and < 25 ? 100 : 0);

        var days = EightHourMeans.DailyMaxima(hours);

        Assert.That(days.Select(d => d.Start), Is.EqualTo(new[] { DayStart.AddDays(-1), DayStart }));
        Assert.That(days[1].Mean, Is.EqualTo(100));
        Assert.That(days[0].Mean, Is.EqualTo(87.5), "16:00–24:00 of the day before holds seven of the eight high hours");
    }

    [Test]
    public void DailyMaxima_DayWithoutTheDayBefore_HasNineteenRunningMeansOfSixHoursOrMore()
    {
        // Running means ending 01:00 … 05:00 hold fewer than six hours; those ending 06:00 … 24:00 hold six to eight.
        var day = EightHourMeans.DailyMaxima(Aggregates.Hours(DayStart, 24, i => i)).Single();

        Assert.That(day.ValidCount, Is.EqualTo(19));
        Assert.That(day.Mean, Is.EqualTo(19.5), "the last eight hours, 16 … 23");
        Assert.That(CompletenessRules.MaximumDailyEightHourMean.Check(day).IsComplete, Is.True);
    }

    [Test]
    public void DailyMaxima_RunningMeanWithFiveHours_IsNotValid()
    {
        // Only hours 00:00–04:00: every running mean of the day holds five hours or fewer.
        var day = EightHourMeans.DailyMaxima(Aggregates.Hours(DayStart, 5, _ => 50)).Single();

        Assert.That(day.ValidCount, Is.Zero);
        Assert.That(day.Mean, Is.Null);
    }
}
