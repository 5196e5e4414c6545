using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Clock;
using Moci.Bridge.Health;
using Moci.Bridge.Sampling;

namespace Moci.Bridge.Tests.Health;

public sealed class HealthReporterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Report_GathersOutboxClockSensorsAndMachine()
    {
        var root = Directory.CreateTempSubdirectory("moci-bridge-health-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "proc"));
            File.WriteAllText(Path.Combine(root.FullName, "proc", "uptime"), "600.5 1000.0\n");
            var time = new FakeTimeProvider(T0);
            var board = new SensorBoard();
            board.Sampled("air", "bme280", T0);
            board.Failed("dust", "sds011", SensorState.Missing, "/dev/ttyUSB0 does not exist", T0);
            var reporter = new HealthReporter(
                "rrg-school-01", root.FullName, () => new OutboxFigures(42, TimeSpan.FromMinutes(3), 7), board,
                new FixedClock(new ClockState(ClockSource.Gps, true)), new SystemProbe(root.FullName), time);
            time.Advance(TimeSpan.FromSeconds(90));

            var report = reporter.Report();

            Assert.That(report.Station, Is.EqualTo("rrg-school-01"));
            Assert.That(report.At, Is.EqualTo(T0.AddSeconds(90)));
            Assert.That(report.UptimeSeconds, Is.EqualTo(600.5));
            Assert.That(report.BridgeUptimeSeconds, Is.EqualTo(90));
            Assert.That(report.CpuTemperatureCelsius, Is.Null);
            Assert.That(report.DiskFreeBytes, Is.GreaterThan(0));
            Assert.That(report.Outbox, Is.EqualTo(new HealthReport.OutboxHealth(42, 180, 7)));
            Assert.That(report.Clock, Is.EqualTo(new HealthReport.ClockHealth(ClockSource.Gps, true)));
            Assert.That(report.Sensors.Select(s => (s.Name, s.State, s.LastError)), Is.EqualTo(new[]
            {
                ("air", SensorState.Ok, (string?)null),
                ("dust", SensorState.Missing, "/dev/ttyUSB0 does not exist"),
            }));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private sealed class FixedClock(ClockState state) : IClockSource
    {
        public ClockState Current => state;
    }
}
