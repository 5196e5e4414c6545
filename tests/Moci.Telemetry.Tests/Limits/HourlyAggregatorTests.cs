using Moci.Telemetry.Limits;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Limits;

public sealed class HourlyAggregatorTests
{
    private static readonly DateTimeOffset T0 = Aggregates.March1;

    [Test]
    public void ToHours_AveragesOnlyValidReadingsPerUtcHour()
    {
        var hours = new HourlyAggregator();
        hours.Add(T0, 10, QaFlags.None);
        hours.Add(T0.AddMinutes(30), 20, QaFlags.HubTimed);
        hours.Add(T0.AddMinutes(40), 900, QaFlags.OutOfRange);
        hours.Add(T0.AddMinutes(50), double.PositiveInfinity, QaFlags.None);
        hours.Add(T0.AddHours(1), 40, QaFlags.None);

        var result = hours.ToHours(TimeSpan.FromMinutes(30));

        Assert.That(result, Is.EqualTo(new[]
        {
            PeriodAggregate.Hour(T0, 15, 2, 2),
            PeriodAggregate.Hour(T0.AddHours(1), 40, 1, 2),
        }));
        Assert.That(hours.ReadingCount, Is.EqualTo(5));
        Assert.That(hours.ValidCount, Is.EqualTo(3));
    }

    [Test]
    public void ToHours_HourWithOnlyFlaggedReadings_HasNoMean()
    {
        var hours = new HourlyAggregator();
        hours.Add(T0, 900, QaFlags.OutOfRange);

        Assert.That(hours.ToHours(TimeSpan.FromHours(1)).Single(), Is.EqualTo(PeriodAggregate.Hour(T0, null, 0, 1)));
    }

    [Test]
    public void SamplingInterval_IsTheMedianSpacingSoOutagesDoNotChangeIt()
    {
        var hours = new HourlyAggregator();
        var times = Enumerable.Range(0, 100).Select(i => T0.AddSeconds(5 * i))
            .Concat(Enumerable.Range(0, 100).Select(i => T0.AddHours(3).AddSeconds(5 * i)));
        foreach (var t in times)
        {
            hours.Add(t, 1, QaFlags.None);
        }

        Assert.That(hours.SamplingInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(hours.ToHours()[0].ExpectedCount, Is.EqualTo(720));
    }

    // Directive 2008/50/EC Annex XI A: an hourly mean needs 75 % of the hour; at 5 s that is 540 of 720 readings.
    [TestCase(540, true)]
    [TestCase(539, false)]
    public void ToHours_AtFiveSeconds_The75PercentEdgeIs540Readings(int readings, bool complete)
    {
        var hours = new HourlyAggregator();
        for (var i = 0; i < readings; i++)
        {
            hours.Add(T0.AddSeconds(5 * i), 1, QaFlags.None);
        }

        var hour = hours.ToHours().Single();

        Assert.That(CompletenessRules.HourlyMean.Check(hour).IsComplete, Is.EqualTo(complete));
    }

    [TestCase(5, 720)]
    [TestCase(60, 60)]
    [TestCase(145, 25)]
    [TestCase(3600, 1)]
    [TestCase(7200, 1)]
    public void ExpectedPerHour_IsTheHourOverTheIntervalAtLeastOne(int seconds, int expected)
    {
        Assert.That(HourlyAggregator.ExpectedPerHour(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }

    [Test]
    public void SamplingInterval_WithOneReading_IsUnknownAndAnHourExpectsOne()
    {
        var hours = new HourlyAggregator();
        hours.Add(T0, 1, QaFlags.None);

        Assert.That(hours.SamplingInterval, Is.Null);
        Assert.That(hours.ToHours().Single().ExpectedCount, Is.EqualTo(1));
    }
}
