using Moci.Telemetry.Indices;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Indices;

public sealed class EaqiTableTests
{
    // EEA, European Air Quality Index (classic six-band table, https://www.eea.europa.eu/themes/air/air-quality-index):
    // PM2.5 24-hour mean Good 0–10, Fair 10–20, Moderate 20–25, Poor 25–50, Very poor 50–75, Extremely poor 75–800;
    // each band from its lower bound (inclusive).
    [TestCase(0.0, "Good")]
    [TestCase(9.99, "Good")]
    [TestCase(10.0, "Fair")]
    [TestCase(20.0, "Moderate")]
    [TestCase(25.0, "Poor")]
    [TestCase(50.0, "Very poor")]
    [TestCase(75.0, "Extremely poor")]
    [TestCase(800.0, "Extremely poor")]
    public void Classify_ClassicPm25_AtTheBreakpoints(double concentration, string band)
    {
        Assert.That(EaqiTable.Classic.Classify(AirPollutants.Pm2_5, concentration)!.Name, Is.EqualTo(band));
    }

    // EEA classic table: PM10 Good 0–20, Fair 20–40, Moderate 40–50, Poor 50–100, Very poor 100–150, Extremely poor 150–1200.
    [TestCase(19.9, 1)]
    [TestCase(20.0, 2)]
    [TestCase(40.0, 3)]
    [TestCase(50.0, 4)]
    [TestCase(100.0, 5)]
    [TestCase(150.0, 6)]
    public void Classify_ClassicPm10_AtTheBreakpoints(double concentration, int level)
    {
        Assert.That(EaqiTable.Classic.Classify(AirPollutants.Pm10, concentration)!.Level, Is.EqualTo(level));
    }

    // EEA classic table: NO2 hourly Good 0–40, Fair 40–90, Moderate 90–120, Poor 120–230, Very poor 230–340, Extremely poor 340–1000.
    [TestCase(39.9, 1)]
    [TestCase(40.0, 2)]
    [TestCase(90.0, 3)]
    [TestCase(120.0, 4)]
    [TestCase(230.0, 5)]
    [TestCase(340.0, 6)]
    public void Classify_ClassicNo2_AtTheBreakpoints(double concentration, int level)
    {
        Assert.That(EaqiTable.Classic.Classify(AirPollutants.No2, concentration)!.Level, Is.EqualTo(level));
    }

    // EEA revised index of 2024 (https://airindex.eea.europa.eu), aligned with the WHO 2021 guidelines: PM2.5 Good
    // 0–5, Fair 5–15, Moderate 15–50, Poor 50–90, Very poor 90–140, Extremely poor from 140.
    [TestCase(4.99, "Good")]
    [TestCase(5.0, "Fair")]
    [TestCase(15.0, "Moderate")]
    [TestCase(50.0, "Poor")]
    [TestCase(90.0, "Very poor")]
    [TestCase(140.0, "Extremely poor")]
    public void Classify_Revised2024Pm25_AtTheBreakpoints(double concentration, string band)
    {
        Assert.That(EaqiTable.Revised2024.Classify(AirPollutants.Pm2_5, concentration)!.Name, Is.EqualTo(band));
    }

    // EEA 2024 table: PM10 Good 0–15, Fair 15–45, Moderate 45–120, Poor 120–195, Very poor 195–270, Extremely poor from 270.
    [TestCase(14.9, 1)]
    [TestCase(15.0, 2)]
    [TestCase(45.0, 3)]
    [TestCase(120.0, 4)]
    [TestCase(195.0, 5)]
    [TestCase(270.0, 6)]
    public void Classify_Revised2024Pm10_AtTheBreakpoints(double concentration, int level)
    {
        Assert.That(EaqiTable.Revised2024.Classify(AirPollutants.Pm10, concentration)!.Level, Is.EqualTo(level));
    }

    [Test]
    public void Classify_SameConcentration_IsWorseUnderThe2024Table()
    {
        // 18 µg/m³ of PM2.5: Fair (10–20) in the classic table, Moderate (15–50) in the 2024 one.
        Assert.That(EaqiTable.Classic.Classify(AirPollutants.Pm2_5, 18)!.Name, Is.EqualTo("Fair"));
        Assert.That(EaqiTable.Revised2024.Classify(AirPollutants.Pm2_5, 18)!.Name, Is.EqualTo("Moderate"));
    }

    [TestCase(-0.1)]
    [TestCase(800.1)]
    [TestCase(double.NaN)]
    public void Classify_NegativeOrAboveTheEeaUpperLimit_HasNoBand(double concentration)
    {
        // The EEA discards values above the upper limit of "Extremely poor" (800 µg/m³ for PM2.5) as invalid.
        Assert.That(EaqiTable.Classic.Classify(AirPollutants.Pm2_5, concentration), Is.Null);
    }

    [Test]
    public void BandsOf_UnknownMetric_NamesTheCoveredOnes()
    {
        Assert.That(() => EaqiTable.Classic.BandsOf("humidity"),
            Throws.ArgumentException.With.Message.Contains("'humidity'").And.Message.Contains("no2, o3, pm10, pm2_5, so2"));
    }

    [Test]
    public void BandsOf_EveryPollutant_HasSixBandsBestFirstWithTheEeaColours()
    {
        foreach (var table in new[] { EaqiTable.Classic, EaqiTable.Revised2024 })
        {
            foreach (var metric in table.Metrics)
            {
                var bands = table.BandsOf(metric);
                Assert.That(bands.Select(b => b.Level), Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }), $"{table.Id} {metric}");
                Assert.That(bands.Select(b => b.Colour), Is.EqualTo(EaqiTable.BandColours), $"{table.Id} {metric}");
                Assert.That(bands.Zip(bands.Skip(1)).All(p => p.First.Upper == p.Second.Lower), Is.True, $"{table.Id} {metric}: bands touch");
            }
        }
    }
}
