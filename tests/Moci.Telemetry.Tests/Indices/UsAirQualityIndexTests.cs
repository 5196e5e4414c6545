using Moci.Telemetry.Indices;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Indices;

public sealed class UsAirQualityIndexTests
{
    // U.S. EPA, Technical Assistance Document for the Reporting of Daily Air Quality – the AQI, EPA-454/B-24-002
    // (May 2024), table 6: 24-hour PM2.5 0.0–9.0 → 0–50, 9.1–35.4 → 51–100, 35.5–55.4 → 101–150, 55.5–125.4 → 151–200,
    // 125.5–225.4 → 201–300, 225.5–325.4 → 301–500. Each breakpoint maps to its AQI exactly.
    [TestCase(0.0, 0, "Good")]
    [TestCase(9.0, 50, "Good")]
    [TestCase(9.1, 51, "Moderate")]
    [TestCase(35.4, 100, "Moderate")]
    [TestCase(35.5, 101, "Unhealthy for Sensitive Groups")]
    [TestCase(55.4, 150, "Unhealthy for Sensitive Groups")]
    [TestCase(55.5, 151, "Unhealthy")]
    [TestCase(125.4, 200, "Unhealthy")]
    [TestCase(125.5, 201, "Very Unhealthy")]
    [TestCase(225.4, 300, "Very Unhealthy")]
    [TestCase(225.5, 301, "Hazardous")]
    [TestCase(325.4, 500, "Hazardous")]
    public void FromConcentration_Pm25AtThe2024Breakpoints(double concentration, int aqi, string category)
    {
        var value = UsAirQualityIndex.FromConcentration(AirPollutants.Pm2_5, concentration)!;

        Assert.That(value.Aqi, Is.EqualTo(aqi));
        Assert.That(value.Category.Name, Is.EqualTo(category));
    }

    // The EPA's worked examples, recomputed with the 2024 table (the 35.5–55.4 → 101–150 row is unchanged since 2012):
    // TAD EPA-454/B-18-007 (2018), "PM2.5 35.9 µg/m³ → AQI 102"; the EPA multiple-pollutant teaching example's PM2.5
    // of 54.4 µg/m³ → (150 − 101) / (55.4 − 35.5) × (54.4 − 35.5) + 101 = 147.5 → 148. And 20.0 µg/m³ →
    // (100 − 51) / (35.4 − 9.1) × (20.0 − 9.1) + 51 = 71.3 → 71.
    [TestCase(35.9, 102)]
    [TestCase(54.4, 148)]
    [TestCase(20.0, 71)]
    public void FromConcentration_Pm25_ThroughTheEpaEquation(double concentration, int aqi)
    {
        Assert.That(UsAirQualityIndex.FromConcentration(AirPollutants.Pm2_5, concentration)!.Aqi, Is.EqualTo(aqi));
    }

    // AirNow, "The AQI Equation (2024)": concentrations are truncated to 0.1 µg/m³ for PM2.5 and 1 µg/m³ for PM10
    // before the lookup, so 35.49 is 35.4 (AQI 100, not 101) and 9.05 is 9.0 (AQI 50).
    [TestCase(35.49, 100, 35.4)]
    [TestCase(9.05, 50, 9.0)]
    public void FromConcentration_Pm25_IsTruncatedNotRounded(double concentration, int aqi, double truncated)
    {
        var value = UsAirQualityIndex.FromConcentration(AirPollutants.Pm2_5, concentration)!;

        Assert.That(value.Aqi, Is.EqualTo(aqi));
        Assert.That(value.TruncatedConcentration, Is.EqualTo((decimal)truncated));
    }

    // TAD 2024 table 6, PM10 24-hour: 0–54 → 0–50, 55–154 → 51–100, 155–254 → 101–150, 255–354 → 151–200,
    // 355–424 → 201–300, 425–604 → 301–500; truncated to 1 µg/m³.
    [TestCase(54.9, 50)]
    [TestCase(55.0, 51)]
    [TestCase(154.0, 100)]
    [TestCase(155.0, 101)]
    [TestCase(424.0, 300)]
    [TestCase(604.0, 500)]
    public void FromConcentration_Pm10AtTheBreakpoints(double concentration, int aqi)
    {
        Assert.That(UsAirQualityIndex.FromConcentration(AirPollutants.Pm10, concentration)!.Aqi, Is.EqualTo(aqi));
    }

    [TestCase(AirPollutants.Pm2_5, 325.5)]
    [TestCase(AirPollutants.Pm10, 605.0)]
    [TestCase(AirPollutants.Pm2_5, 1e300)]
    public void FromConcentration_AboveTheTable_IsBeyondTheAqiAndHazardous(string metric, double concentration)
    {
        var value = UsAirQualityIndex.FromConcentration(metric, concentration)!;

        Assert.That(value.IsBeyondScale, Is.True);
        Assert.That(value.Category.Name, Is.EqualTo("Hazardous"));
    }

    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void FromConcentration_NegativeOrNaN_HasNoAqi(double concentration)
    {
        Assert.That(UsAirQualityIndex.FromConcentration(AirPollutants.Pm2_5, concentration), Is.Null);
    }

    [Test]
    public void FromConcentration_MetricOutsideTheTable_Throws()
    {
        Assert.That(() => UsAirQualityIndex.FromConcentration(AirPollutants.No2, 10), Throws.ArgumentException.With.Message.Contains("pm10, pm2_5"));
    }

    [Test]
    public void ForDay_RunsMidnightToMidnightOfTheCalendar()
    {
        // AirNow: the daily AQI runs "midnight to midnight (Local Standard Time)"; at CET 1 March begins 28 February 23:00Z.
        var dayStart = Aggregates.March1.AddHours(-1);
        var hours = Aggregates.Hours(dayStart, 25, i => i < 24 ? 35.9 : 500);

        var reading = UsAirQualityIndex.ForDay(AirPollutants.Pm2_5, hours, new DateOnly(2025, 3, 1));

        Assert.That(reading.Value, Is.EqualTo(102));
        Assert.That(reading.Window.From, Is.EqualTo(dayStart));
        Assert.That(reading.Window.To, Is.EqualTo(dayStart.AddDays(1)));
    }

    [TestCase(18, IndexStatus.Ok)]
    [TestCase(17, IndexStatus.NotEnoughData)]
    public void ForTrailing24Hours_Needs18Of24Hours(int validHours, IndexStatus status)
    {
        // AirNow, "Daily and Hourly AQI – PM2.5": a daily value needs "75%, or 18/24 hours of data".
        var hours = Aggregates.Hours(Aggregates.March1, 24, i => i < validHours ? 20 : null);

        var reading = UsAirQualityIndex.ForTrailing24Hours(AirPollutants.Pm2_5, hours, Aggregates.March1.AddDays(1));

        Assert.That(reading.Status, Is.EqualTo(status));
        Assert.That(reading.Window.RequiredHours, Is.EqualTo(18));
    }

    [Test]
    public void ForTrailing24Hours_AboveTheTable_IsBeyondScaleWithoutANumber()
    {
        var hours = Aggregates.Hours(Aggregates.March1, 24, _ => 400);

        var reading = UsAirQualityIndex.ForTrailing24Hours(AirPollutants.Pm2_5, hours, Aggregates.March1.AddDays(1));

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.BeyondScale));
        Assert.That(reading.Value, Is.Null);
        Assert.That(reading.Band!.Name, Is.EqualTo("Hazardous"));
        Assert.That(reading.Reason, Does.Contain("beyond the AQI"));
    }
}
