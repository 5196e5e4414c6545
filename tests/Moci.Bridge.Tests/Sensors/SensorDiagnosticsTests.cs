using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Sensors.Gps;
using Moci.Bridge.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Gps;
using Moci.Bridge.Tests.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Support;

namespace Moci.Bridge.Tests.Sensors;

// One instance per test: each gets its own clock.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SensorDiagnosticsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task Describe_GpsWithFix_GivesSatellitesAndSentenceCounts()
    {
        using var port = new SimulatedSerialPort();
        port.Feed(NmeaRecording.Bytes(NmeaRecording.TiranaRmc1, NmeaRecording.TiranaGga1));
        using var gps = new GpsSensor("gps", port, "/dev/serial0", _time);
        await gps.ReadAsync(CancellationToken.None);

        Assert.That(SensorDiagnostics.Describe(gps), Does.StartWith("fix, 9 satellites; 2 frames, 0 bad checksums"));
    }

    [Test]
    public async Task Describe_GpsWithoutFix_SaysNoFix()
    {
        using var port = new SimulatedSerialPort();
        port.Feed(NmeaRecording.Bytes(NmeaRecording.ColdStartRmc, NmeaRecording.ColdStartGga));
        using var gps = new GpsSensor("gps", port, "/dev/serial0", _time);
        await gps.ReadAsync(CancellationToken.None);

        Assert.That(SensorDiagnostics.Describe(gps), Does.StartWith("no fix;"));
    }

    [Test]
    public async Task Describe_ParticleSensorWarmingUp_CountsTheDiscardedFrame()
    {
        using var port = new SimulatedSerialPort();
        port.Feed(Sds011FrameParserTests.DatasheetFrame);
        using var sensor = new Sds011Sensor("pm", port, "/dev/ttyUSB0", _time);
        await sensor.ReadAsync(CancellationToken.None);

        Assert.That(SensorDiagnostics.Describe(sensor), Is.EqualTo("1 frames, 0 bad checksums, 0 bytes skipped, 1 discarded while warming up"));
    }

    [Test]
    public void Describe_I2cSensor_None()
    {
        using var sensor = new Sht4xSensor("air", new SimulatedSensirionDevice(0x44));

        Assert.That(SensorDiagnostics.Describe(sensor), Is.Null);
    }
}
