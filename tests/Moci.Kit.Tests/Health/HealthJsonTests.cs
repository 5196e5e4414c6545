using System.Text.Json;
using Moci.Kit.Health;

namespace Moci.Kit.Tests.Health;

public sealed class HealthJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Serialize_NamesAndValuesAsTheWireProtocolDocumentsThem()
    {
        var report = new HealthReport(
            "rrg-school-01", T0, 600.5, 90, 48.3, 1_000_000, new HealthReport.OutboxHealth(42, null, 7), new HealthReport.ClockHealth(ClockSource.None, false),
            [new SensorStatus("dust", "sds011", SensorState.Failing, "no frame for 5 s", T0, null)]);

        using var json = JsonDocument.Parse(HealthJson.Serialize(report));
        var root = json.RootElement;

        Assert.That(root.GetProperty("station").GetString(), Is.EqualTo("rrg-school-01"));
        Assert.That(root.GetProperty("at").GetString(), Is.EqualTo("2026-11-20T10:00:00+00:00"));
        Assert.That(root.GetProperty("uptimeSeconds").GetDouble(), Is.EqualTo(600.5));
        Assert.That(root.GetProperty("bridgeUptimeSeconds").GetDouble(), Is.EqualTo(90));
        Assert.That(root.GetProperty("cpuTemperatureCelsius").GetDouble(), Is.EqualTo(48.3));
        Assert.That(root.GetProperty("diskFreeBytes").GetInt64(), Is.EqualTo(1_000_000));
        Assert.That(root.GetProperty("outbox").GetProperty("depth").GetInt64(), Is.EqualTo(42));
        Assert.That(root.GetProperty("outbox").GetProperty("oldestAgeSeconds").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("outbox").GetProperty("dropped").GetInt64(), Is.EqualTo(7));
        Assert.That(root.GetProperty("clock").GetProperty("source").GetString(), Is.EqualTo("none"));
        Assert.That(root.GetProperty("clock").GetProperty("synchronised").GetBoolean(), Is.False);
        var sensor = root.GetProperty("sensors")[0];
        Assert.That(sensor.GetProperty("name").GetString(), Is.EqualTo("dust"));
        Assert.That(sensor.GetProperty("type").GetString(), Is.EqualTo("sds011"));
        Assert.That(sensor.GetProperty("state").GetString(), Is.EqualTo("failing"));
        Assert.That(sensor.GetProperty("lastError").GetString(), Is.EqualTo("no frame for 5 s"));
        Assert.That(sensor.GetProperty("lastSampleAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Serialize_SystemClock_IsTheWordSystem()
    {
        var report = new HealthReport(
            "rrg-school-01", T0, null, 90, null, null, new HealthReport.OutboxHealth(0, null, 0), new HealthReport.ClockHealth(ClockSource.System, true), []);

        using var json = JsonDocument.Parse(HealthJson.Serialize(report));

        Assert.That(json.RootElement.GetProperty("clock").GetProperty("source").GetString(), Is.EqualTo("system"));
    }
}
