using Moci.Ingest.Health;

namespace Moci.Ingest.Tests.Health;

public sealed class LatestHealthTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, TimeSpan.Zero);

    private static LatestHealth Health(OutboxHealth outbox, ClockHealth clock, params SensorHealth[] sensors) =>
        new(new StationHealth("rrg-school-01", At, 100, 50, 45, 1_000_000, outbox, clock, sensors), At);

    private static SensorHealth Sensor(string name, string state, string? error = null) => new(name, "sds011", state, error, null, null);

    [Test]
    public void Warnings_HealthyStation_AreNone()
    {
        var health = Health(new OutboxHealth(2, 30, 0), new ClockHealth("ntp", true), Sensor("air", "ok", "an old error, recovered since"));

        Assert.That(health.Warnings(), Is.Empty);
    }

    [Test]
    public void Warnings_EveryProblem_IsSaidInItsOwnSentence()
    {
        var health = Health(
            new OutboxHealth(480, 7200, 12),
            new ClockHealth("none", false),
            Sensor("air", "ok"),
            Sensor("dust", "missing", "cannot open /dev/ttyUSB0"),
            Sensor("water", "failing"));

        Assert.That(health.Warnings(), Is.EqualTo(new[]
        {
            "Sensor 'dust' (sds011) is missing (it cannot be opened): cannot open /dev/ttyUSB0",
            "Sensor 'water' (sds011) is failing (its last read failed).",
            "12 readings were dropped because the station's outbox was full: they are lost.",
            "The oldest reading in the station's outbox has waited 2 h for the hub (480 waiting): check the station's network and broker settings.",
            "The station's clock is not synchronised (source: none): its readings are flagged clock_suspect until NTP or a GPS fix vouches for it.",
        }));
    }

    [TestCase(3600, false)]
    [TestCase(3601, true)]
    public void Warnings_Outbox_OnlyWhenItsOldestWaitsMoreThanAnHour(double oldestSeconds, bool warned)
    {
        var health = Health(new OutboxHealth(10, oldestSeconds, 0), new ClockHealth("gps", true));

        Assert.That(health.Warnings(), warned ? Has.One.Contains("outbox has waited") : Is.Empty);
    }
}
