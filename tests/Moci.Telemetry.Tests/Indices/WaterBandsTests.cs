using Moci.Telemetry.Indices;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Indices;

public sealed class WaterBandsTests
{
    private static readonly DateTimeOffset At = Aggregates.March1.AddHours(1).AddMinutes(5);

    // Directive 2006/44/EC Annex I: pH "between 6,0 and 9,0" for salmonid and cyprinid waters (both ends inside).
    [TestCase(5.99, 2)]
    [TestCase(6.0, 1)]
    [TestCase(7.5, 1)]
    [TestCase(9.0, 1)]
    [TestCase(9.01, 2)]
    public void FishLifePh_AtTheRangeEnds(double ph, int level)
    {
        Assert.That(WaterBands.FishLifePh.Classify(ph)!.Level, Is.EqualTo(level));
    }

    [Test]
    public void FishLifePh_SaysWhichSideOfTheRange()
    {
        Assert.That(WaterBands.FishLifePh.Classify(5.5)!.Name, Does.StartWith("Too acidic"));
        Assert.That(WaterBands.FishLifePh.Classify(9.5)!.Name, Does.StartWith("Too alkaline"));
    }

    // Directive 2006/44/EC Annex I temperature maxima: 10 °C (breeding of species needing cold water), 21.5 °C
    // (salmonid waters), 28 °C (cyprinid waters); a value equal to a maximum is within it.
    [TestCase(10.0, 1)]
    [TestCase(10.1, 2)]
    [TestCase(21.5, 2)]
    [TestCase(21.6, 3)]
    [TestCase(28.0, 3)]
    [TestCase(28.1, 4)]
    public void FishLifeTemperature_AtTheMaxima(double celsius, int level)
    {
        Assert.That(WaterBands.FishLifeTemperature.Classify(celsius)!.Level, Is.EqualTo(level));
    }

    // Swedish EPA, Environmental Quality Criteria – Lakes and Watercourses, oxygen conditions (mg/L): ≥ 7; 5–7; 3–5; 1–3; ≤ 1.
    [TestCase(7.0, 1)]
    [TestCase(6.99, 2)]
    [TestCase(5.0, 2)]
    [TestCase(4.99, 3)]
    [TestCase(3.0, 3)]
    [TestCase(2.99, 4)]
    [TestCase(1.0, 5)]
    [TestCase(0.0, 5)]
    public void SwedishOxygen_AtTheClassLimits(double milligramsPerLitre, int level)
    {
        Assert.That(WaterBands.SwedishOxygen.Classify(milligramsPerLitre)!.Level, Is.EqualTo(level));
    }

    // House of Commons written answer, 3 December 2001 (GQA): dissolved oxygen % saturation A ≥ 80, B ≥ 70, C ≥ 60,
    // D ≥ 50, E ≥ 20, F < 20.
    [TestCase(80.0, "Grade A (80 % or more)")]
    [TestCase(79.9, "Grade B (70–80 %)")]
    [TestCase(60.0, "Grade C (60–70 %)")]
    [TestCase(50.0, "Grade D (50–60 %)")]
    [TestCase(20.0, "Grade E (20–50 %)")]
    [TestCase(19.9, "Grade F (below 20 %)")]
    public void GqaOxygenSaturation_AtTheGradeLimits(double percent, string grade)
    {
        Assert.That(WaterBands.GqaOxygenSaturation.Classify(percent)!.Name, Is.EqualTo(grade));
    }

    [Test]
    public void All_EverySchemeCoversEveryFiniteValueOnce()
    {
        double[] probes = [-1e9, -1, 0, 0.999, 1, 1.001, 3, 5, 6, 7, 9, 10, 20, 21.5, 28, 50, 60, 70, 80, 100, 1e9];
        foreach (var scheme in WaterBands.All)
        {
            foreach (var value in probes)
            {
                Assert.That(scheme.Bands.Count(b => b.Contains(value)), Is.EqualTo(1), $"{scheme.Id} at {value}");
            }
        }
    }

    [Test]
    public void Read_UsesTheLastWholeHoursMean()
    {
        // 00:00–01:00Z at pH 5.8; at 01:05 the hour 01:00–02:00 has not ended.
        var hours = Aggregates.Hours(Aggregates.March1, 2, i => i == 0 ? 5.8 : 7.0);

        var reading = WaterBands.FishLifePh.Read(hours, At);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.Ok));
        Assert.That(reading.Band!.Level, Is.EqualTo(2));
        Assert.That(reading.Mean, Is.EqualTo(5.8));
        Assert.That(reading.Window, Is.EqualTo(new AveragingWindow("1-hour mean", Aggregates.March1, Aggregates.March1.AddHours(1), 1, 1)));
    }

    [Test]
    public void Read_HourWith44Of60Values_HasNotEnoughData()
    {
        var reading = WaterBands.FishLifePh.Read([PeriodAggregate.Hour(Aggregates.March1, 7, 44, 60)], At);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.NotEnoughData));
        Assert.That(reading.Reason, Does.Contain("an hour needs 75 % of its values"));
    }

    [Test]
    public void ReadOxygenSaturation_GradesTheHourFromOxygenAndTemperature()
    {
        // Saturation at 20 °C is 9.09 mg/L (EN 25814): 7.28 mg/L is just over 80 %, grade A; 7.2 mg/L is 79.2 %, grade B.
        var temperature = new[] { Aggregates.FullHour(Aggregates.March1, 20) };

        var a = WaterBands.ReadOxygenSaturation([Aggregates.FullHour(Aggregates.March1, 7.28)], temperature, At);
        var b = WaterBands.ReadOxygenSaturation([Aggregates.FullHour(Aggregates.March1, 7.2)], temperature, At);

        Assert.That(a.Band!.Name, Does.StartWith("Grade A"));
        Assert.That(b.Band!.Name, Does.StartWith("Grade B"));
        Assert.That(b.Concentration, Is.EqualTo(79.2).Within(0.1));
        Assert.That(b.Mean, Is.EqualTo(7.2));
    }

    [Test]
    public void ReadOxygenSaturation_WithoutTemperature_SaysBothAreNeeded()
    {
        var reading = WaterBands.ReadOxygenSaturation([Aggregates.FullHour(Aggregates.March1, 8)], [], At);

        Assert.That(reading.Status, Is.EqualTo(IndexStatus.NotEnoughData));
        Assert.That(reading.Reason, Does.Contain("water temperature").And.Contain("needs both"));
    }
}
