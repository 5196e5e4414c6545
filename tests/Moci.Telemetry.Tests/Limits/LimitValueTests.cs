using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class LimitValueTests
{
    private static readonly LimitValue Pm10Daily = LimitSets.Eu2008.Find(AirPollutants.Pm10, AveragingPeriod.OneDay)!;

    // "50 µg/m³, not to be exceeded more than 35 times a calendar year" (2008/50/EC Annex XI B): a mean equal to
    // the limit does not exceed it.
    [TestCase(49.9, false)]
    [TestCase(50.0, false)]
    [TestCase(50.01, true)]
    public void IsExceededBy_OnlyAMeanAboveTheThreshold(double mean, bool exceeded)
    {
        Assert.That(Pm10Daily.IsExceededBy(mean), Is.EqualTo(exceeded));
    }

    [Test]
    public void Describe_StatesPeriodThresholdAndPermittedExceedances()
    {
        Assert.That(Pm10Daily.Describe(), Is.EqualTo("PM10, 1 day: 50 µg/m³, not to be exceeded more than 35 times a calendar year"));
    }

    [Test]
    public void Describe_AnnualValue_HasNoPermittedExceedances()
    {
        var value = LimitSets.Eu2030.Find(AirPollutants.Benzene, AveragingPeriod.CalendarYear)!;

        Assert.That(value.Describe(), Is.EqualTo("Benzene, calendar year: 3.4 µg/m³"));
    }
}
