using Moci.Telemetry.Indices;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Indices;

public sealed class EuropeanAirQualityIndexTests
{
    // EEA, European Air Quality Index (https://airindex.eea.europa.eu): PM2.5 and PM10 from the 24-hour running mean,
    // "calculated if there are values for at least 18 out of the 24 hours"; NO2, O3 and SO2 from hourly means.
    private static readonly DateTimeOffset Now = Aggregates.March1.AddDays(1).AddMinutes(20);
    private static readonly DateTimeOffset WindowEnd = Aggregates.March1.AddDays(1);

    [Test]
    public void Compute_Pm25With24FullHours_UsesTheRunningMeanOfTheLast24WholeHours()
    {
        // Hours 0–23 of 1 March at 12 µg/m³, then one hour at 300 that has not ended at 00:20.
        var hours = Aggregates.Hours(Aggregates.March1, 25, i => i < 24 ? 12 : 300);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.Pm2_5, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.Ok));
        Assert.That(reading.Mean, Is.EqualTo(12));
        Assert.That(reading.Band!.Name, Is.EqualTo("Fair"));
        Assert.That(reading.Window, Is.EqualTo(new AveragingWindow("24-hour running mean", Aggregates.March1, WindowEnd, 24, 18)));
    }

    [Test]
    public void Compute_Pm25With18ValidHours_GivesABand()
    {
        var hours = Aggregates.Hours(Aggregates.March1, 24, i => i < 18 ? 30 : null);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Revised2024, AirPollutants.Pm2_5, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.Ok));
        Assert.That(reading.Band!.Name, Is.EqualTo("Moderate"));
        Assert.That(reading.Window.ValidHours, Is.EqualTo(18));
    }

    [Test]
    public void Compute_Pm25With17ValidHours_HasNotEnoughDataAndSaysSo()
    {
        var hours = Aggregates.Hours(Aggregates.March1, 24, i => i < 17 ? 30 : null);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Revised2024, AirPollutants.Pm2_5, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.NotEnoughData));
        Assert.That(reading.Band, Is.Null);
        Assert.That(reading.Reason, Does.Contain("17 of 24 hours valid, 18 needed").And.Contain("18 of the last 24 hours"));
    }

    [Test]
    public void Compute_HourBelow75Percent_DoesNotCountTowardsThe18()
    {
        // 17 full hours and one with 44 of 60 minutes (Directive 2008/50/EC Annex XI A: an hour needs 45 minutes).
        var hours = Aggregates.Hours(Aggregates.March1, 17, _ => 30).Append(PeriodAggregate.Hour(Aggregates.March1.AddHours(20), 30, 44, 60));

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.Pm10, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.NotEnoughData));
        Assert.That(reading.Window.ValidHours, Is.EqualTo(17));
    }

    [Test]
    public void Compute_No2_UsesTheLastWholeHourOnly()
    {
        // 23:00–24:00 at 95 µg/m³: "Moderate" (90–120) in the classic table; the day before does not matter.
        var hours = Aggregates.Hours(Aggregates.March1, 24, i => i == 23 ? 95 : 10);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.No2, hours, Now);

        Assert.That(reading.Band!.Name, Is.EqualTo("Moderate"));
        Assert.That(reading.Window, Is.EqualTo(new AveragingWindow("1-hour mean", WindowEnd.AddHours(-1), WindowEnd, 1, 1)));
    }

    [Test]
    public void Compute_No2WithoutTheLastHour_HasNotEnoughData()
    {
        var hours = Aggregates.Hours(Aggregates.March1, 23, _ => 10);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.No2, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.NotEnoughData));
        Assert.That(reading.Reason, Does.Contain("no valid hourly mean for 2025-03-01 23:00–00:00Z"));
    }

    [Test]
    public void Compute_Pm25AboveTheEeaUpperLimit_IsInvalid()
    {
        var hours = Aggregates.Hours(Aggregates.March1, 24, _ => 900);

        var reading = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.Pm2_5, hours, Now);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.Invalid));
        Assert.That(reading.Reason, Does.Contain("above 800 µg/m³"));
    }

    [Test]
    public void Compute_UnknownMetric_Throws()
    {
        Assert.That(() => EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, "temperature", [], Now), Throws.ArgumentException);
    }

    [Test]
    public void Worst_IsTheHighestBandOfTheReadingsWithABand()
    {
        // EEA: the station's index is the worst band of its pollutants.
        var pm = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.Pm2_5, Aggregates.Hours(Aggregates.March1, 24, _ => 30), Now);
        var no2 = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.No2, Aggregates.Hours(Aggregates.March1, 24, _ => 10), Now);
        var missing = EuropeanAirQualityIndex.Compute(EaqiVersion.Classic, AirPollutants.O3, [], Now);

        Assert.That(EuropeanAirQualityIndex.Worst([no2, pm, missing]), Is.SameAs(pm));
        Assert.That(EuropeanAirQualityIndex.Worst([missing]), Is.Null);
    }
}
