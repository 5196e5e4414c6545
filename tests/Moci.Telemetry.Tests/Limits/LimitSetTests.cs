using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class LimitSetTests
{
    [Test]
    public void For_Metric_ReturnsItsValuesInTableOrder()
    {
        var values = LimitSets.Eu2008.For(AirPollutants.Pm10);

        Assert.That(values.Select(v => v.Period), Is.EqualTo(new[] { AveragingPeriod.OneDay, AveragingPeriod.CalendarYear }));
    }

    [TestCase("turbidity")]
    [TestCase("PM10")]
    public void For_MetricWithoutValues_ReturnsEmpty(string metric)
    {
        Assert.That(LimitSets.Eu2008.For(metric), Is.Empty);
    }

    [Test]
    public void Find_PeriodTheSetDoesNotHave_ReturnsNull()
    {
        // 2008/50/EC has no daily PM2.5 limit; (EU) 2024/2881 introduces one.
        Assert.That(LimitSets.Eu2008.Find(AirPollutants.Pm2_5, AveragingPeriod.OneDay), Is.Null);
        Assert.That(LimitSets.Eu2030.Find(AirPollutants.Pm2_5, AveragingPeriod.OneDay), Is.Not.Null);
    }

    [Test]
    public void InterimTargets_OfTheEuSets_AreEmpty()
    {
        Assert.That(LimitSets.Eu2008.InterimTargets, Is.Empty);
        Assert.That(LimitSets.Eu2030.InterimTargets, Is.Empty);
    }
}
