using Moci.Kit.Simulation;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Kit.Tests.Simulation;

public sealed class StationSimulatorTests
{
    // Local time in Albania is UTC+1 in winter: 04:00 local = 03:00 UTC.
    private static readonly DateTimeOffset Winter = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private static double Value(StationSimulator simulator, string station, StationKind kind, string metric, DateTimeOffset at) =>
        simulator.Sample(station, kind, at).Single(r => r.Metric == metric).Value;

    private static double MeanAtLocalHour(StationSimulator simulator, string metric, double localHour, int days, Func<DateTimeOffset, bool>? dayFilter = null)
    {
        var values = Enumerable.Range(0, days)
            .Select(d => Winter.AddDays(d).AddHours(localHour - 1))
            .Where(at => dayFilter?.Invoke(at) ?? true)
            .Select(at => Value(simulator, "rrg-road-01", StationKind.Air, metric, at))
            .ToList();
        return values.Average();
    }

    [Test]
    public void Sample_SameSeedAndTime_GivesTheSameReadings()
    {
        var at = Winter.AddHours(13.5);

        var first = new StationSimulator(42).Sample("rrg-school-01", StationKind.Air, at);
        var second = new StationSimulator(42).Sample("rrg-school-01", StationKind.Air, at);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Sample_OtherSeedOrStation_GivesOtherReadings()
    {
        var at = Winter.AddHours(13.5);
        var reference = new StationSimulator(42).Sample("rrg-school-01", StationKind.Air, at).Select(r => r.Value);

        Assert.That(new StationSimulator(43).Sample("rrg-school-01", StationKind.Air, at).Select(r => r.Value), Is.Not.EqualTo(reference));
        Assert.That(new StationSimulator(42).Sample("rrg-school-02", StationKind.Air, at).Select(r => r.Value), Is.Not.EqualTo(reference));
    }

    [TestCase(StationKind.Air, new[] { "pm1", "pm2_5", "pm10", "temperature", "humidity", "pressure", "co2" })]
    [TestCase(StationKind.Water, new[] { "water_temperature", "ph", "conductivity", "turbidity", "dissolved_oxygen", "battery_voltage" })]
    [TestCase(StationKind.Mobile, new[] { "pm1", "pm2_5", "pm10", "temperature", "humidity", "battery_voltage" })]
    public void Sample_ReportsTheMetricsOfItsKind_AtOneInstant(StationKind kind, string[] metrics)
    {
        var at = Winter.AddHours(8);

        var readings = new StationSimulator(1).Sample("s-1", kind, at);

        Assert.That(readings.Select(r => r.Metric), Is.EqualTo(metrics));
        Assert.That(readings.Select(r => r.Timestamp), Is.All.EqualTo(at));
    }

    [TestCase(StationKind.Air)]
    [TestCase(StationKind.Water)]
    [TestCase(StationKind.Mobile)]
    public void Sample_AYearEveryHour_StaysInsideThePlausibleRanges(StationKind kind)
    {
        var simulator = new StationSimulator(2019);
        var outOfRange = new List<Reading>();
        for (var hour = 0; hour < 365 * 24; hour += 1)
        {
            foreach (var reading in simulator.Sample("rrg-any-01", kind, Winter.AddHours(hour)))
            {
                MetricCatalogue.TryGet(reading.Metric, out var metric);
                if (!metric!.IsPlausible(reading.Value))
                {
                    outOfRange.Add(reading);
                }
            }
        }

        Assert.That(outOfRange, Is.Empty);
    }

    [Test]
    public void AirTemperature_AfternoonIsWarmerThanBeforeDawn()
    {
        var simulator = new StationSimulator(5);

        var afternoon = MeanAtLocalHour(simulator, "temperature", 15, 28);
        var beforeDawn = MeanAtLocalHour(simulator, "temperature", 4, 28);

        Assert.That(afternoon - beforeDawn, Is.GreaterThan(5), $"afternoon {afternoon:F1} °C, before dawn {beforeDawn:F1} °C");
    }

    [Test]
    public void Humidity_IsHigherAtNightThanInTheAfternoon()
    {
        var simulator = new StationSimulator(5);

        Assert.That(MeanAtLocalHour(simulator, "humidity", 4, 28), Is.GreaterThan(MeanAtLocalHour(simulator, "humidity", 15, 28) + 10));
    }

    [Test]
    public void Pm2_5_WeekdayTrafficPeaksStandAboveMidday()
    {
        var simulator = new StationSimulator(5);
        bool Weekday(DateTimeOffset at) => at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        var morning = MeanAtLocalHour(simulator, "pm2_5", 7.75, 56, Weekday);
        var midday = MeanAtLocalHour(simulator, "pm2_5", 13, 56, Weekday);
        var evening = MeanAtLocalHour(simulator, "pm2_5", 18.5, 56, Weekday);

        Assert.That(morning, Is.GreaterThan(midday * 1.3), $"07:45 {morning:F1}, 13:00 {midday:F1}");
        Assert.That(evening, Is.GreaterThan(midday * 1.3), $"18:30 {evening:F1}, 13:00 {midday:F1}");
    }

    [Test]
    public void Pm2_5_HasOccasionalEveningWasteBurningEpisodes()
    {
        var simulator = new StationSimulator(5);
        var episodeDays = 0;
        for (var day = 0; day < 60; day++)
        {
            var evening = Enumerable.Range(0, 7 * 6).Select(i => Winter.AddDays(day).AddHours(16).AddMinutes(10 * i));
            if (evening.Any(at => Value(simulator, "rrg-road-01", StationKind.Air, "pm2_5", at) > 100))
            {
                episodeDays++;
            }
        }

        Assert.That(episodeDays, Is.InRange(5, 30), "some evenings, not every evening");
    }

    [Test]
    public void Pm10_IsAboveAndPm1BelowPm2_5()
    {
        var readings = new StationSimulator(3).Sample("a-1", StationKind.Air, Winter.AddHours(7)).ToDictionary(r => r.Metric, r => r.Value);

        Assert.That(readings["pm10"], Is.GreaterThan(readings["pm2_5"]));
        Assert.That(readings["pm1"], Is.LessThan(readings["pm2_5"]));
    }

    [Test]
    public void River_AfterRain_TurnsTurbidAndLessConductive()
    {
        var simulator = new StationSimulator(11);
        var rain = simulator.Weather.Events(Winter, Winter.AddDays(60))
            .First(r => r.Intensity > 0.6 && r.Duration > TimeSpan.FromHours(4));

        var before = simulator.Sample("shk-river-01", StationKind.Water, rain.Start.AddHours(-1)).ToDictionary(r => r.Metric, r => r.Value);
        var after = simulator.Sample("shk-river-01", StationKind.Water, rain.Start.AddHours(6)).ToDictionary(r => r.Metric, r => r.Value);

        Assert.Multiple(() =>
        {
            Assert.That(after["turbidity"], Is.GreaterThan(before["turbidity"] * 3), "muddy run-off");
            Assert.That(after["conductivity"], Is.LessThan(before["conductivity"] - 50), "dilution");
            Assert.That(after["ph"], Is.LessThan(before["ph"]));
            Assert.That(after["water_temperature"], Is.LessThan(before["water_temperature"]));
        });
    }

    [Test]
    public void DissolvedOxygen_IsNearSaturationForTheWaterTemperature()
    {
        var simulator = new StationSimulator(11);
        var dry = Enumerable.Range(0, 60 * 24).Select(h => Winter.AddHours(h)).First(t => simulator.Weather.RiverResponseAt(t) < 0.01);
        var readings = simulator.Sample("shk-river-01", StationKind.Water, dry).ToDictionary(r => r.Metric, r => r.Value);

        // DOMAIN.md §3.2: 11.3 mg/L at 10 °C, 10.1 at 15 °C; the river runs 88–98 % saturated.
        var saturation = readings["water_temperature"] < 12.5 ? 11.3 : 10.1;
        Assert.That(readings["dissolved_oxygen"], Is.InRange(saturation * 0.8, saturation * 1.05));
    }

    [TestCase(StationKind.Air)]
    [TestCase(StationKind.Water)]
    [TestCase(StationKind.Mobile)]
    public void SensorsOf_EveryMetricOfTheKind_ComesFromExactlyOneSensor(StationKind kind)
    {
        var fromSensors = StationSimulator.SensorsOf(kind).SelectMany(s => s.Metrics).ToList();

        Assert.That(fromSensors, Is.EquivalentTo(StationSimulator.MetricsOf(kind).Select(m => m.Name)));
        Assert.That(StationSimulator.SensorsOf(kind).Select(s => s.Name), Is.Unique);
    }
}
