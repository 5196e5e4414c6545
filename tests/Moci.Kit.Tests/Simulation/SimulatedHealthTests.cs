using Microsoft.Extensions.Time.Testing;
using Moci.Kit.Health;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Simulation;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Kit.Tests.Simulation;

/// <summary>The simulated station's health report over a real outbox on disk and a fake clock.</summary>
public sealed class SimulatedHealthTests
{
    private const string Station = "shk-river-01";
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempDirectory();
        _time = new FakeTimeProvider(T0);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Report_TakesTheOutboxFiguresFromTheOutboxOnDisk()
    {
        using var outbox = new Outbox(_folder.File("outbox.db"), Station, OutboxOptions.DefaultQuotaBytes, _time);
        var health = new SimulatedHealth(new SimulatedStation { Id = Station, Kind = StationKind.Water }, outbox, _time);
        outbox.Add([.. Enumerable.Range(0, 5).Select(m => new Reading(Station, "ph", T0.AddMinutes(m), 7.9))]);
        _time.Advance(TimeSpan.FromMinutes(10));

        var report = health.Report();

        Assert.That(report.Outbox, Is.EqualTo(new HealthReport.OutboxHealth(5, 600, 0)));
        Assert.That(report.At, Is.EqualTo(T0.AddMinutes(10)));
        Assert.That((report.UptimeSeconds, report.BridgeUptimeSeconds), Is.EqualTo(((double?)600, 600.0)));
    }

    [Test]
    public void Report_EverySensorOfTheKindIsOkWithTheLastSample_AndTheClockIsTheSystems()
    {
        using var outbox = new Outbox(_folder.File("outbox.db"), Station, OutboxOptions.DefaultQuotaBytes, _time);
        var health = new SimulatedHealth(new SimulatedStation { Id = Station, Kind = StationKind.Water }, outbox, _time);
        var before = health.Report();
        health.Sampled(T0.AddSeconds(10));

        var report = health.Report();

        Assert.That(report.Station, Is.EqualTo(Station));
        Assert.That(report.Clock, Is.EqualTo(new HealthReport.ClockHealth(ClockSource.System, true)));
        Assert.That(report.Sensors.Select(s => s.Name), Is.EqualTo(StationSimulator.SensorsOf(StationKind.Water).Select(s => s.Name)));
        Assert.That(report.Sensors, Has.All.Matches<SensorStatus>(s => s!.State == SensorState.Ok && s.LastError == null && s.LastSampleAt == T0.AddSeconds(10)));
        Assert.That(before.Sensors, Has.All.Matches<SensorStatus>(s => s!.LastSampleAt == null), "nothing sampled before the first sample");
        Assert.That(report.Outbox, Is.EqualTo(new HealthReport.OutboxHealth(0, null, 0)));
    }
}
