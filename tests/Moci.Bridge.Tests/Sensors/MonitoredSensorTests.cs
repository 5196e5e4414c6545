using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Sensors.Gps;
using Moci.Bridge.Tests.Sensors.Gps;
using Moci.Bridge.Tests.Sensors.Support;

namespace Moci.Bridge.Tests.Sensors;

// One instance per test: each gets its own clock.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MonitoredSensorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    private static SimulatedSensirionDevice Sht40()
    {
        var device = new SimulatedSensirionDevice(0x44);
        device.Answer(0xFD, 0x6666, 0x7FFF);
        return device;
    }

    [Test]
    public void Status_BeforeTheFirstRead_IsNotReadYet()
    {
        using var monitored = new MonitoredSensor(new Sht4xSensor("air", Sht40()), _time);

        Assert.That(monitored.Status, Is.EqualTo(new SensorStatus("air", SensorState.NotReadYet, null, null, null, 0, 0, null)));
    }

    [Test]
    public async Task ReadAsync_DeviceAnswers_IsOkWithTheTimeOfTheValues()
    {
        using var monitored = new MonitoredSensor(new Sht4xSensor("air", Sht40()), _time);

        await monitored.ReadAsync(CancellationToken.None);

        Assert.That(monitored.Status.State, Is.EqualTo(SensorState.Ok));
        Assert.That(monitored.Status.LastValueAt, Is.EqualTo(_time.GetUtcNow()));
        Assert.That(monitored.Status.Reads, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsync_NothingAnswers_IsMissingWithTheDriversMessage()
    {
        var device = Sht40();
        device.Absent = true;
        using var monitored = new MonitoredSensor(new Sht4xSensor("air", device), _time);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await monitored.ReadAsync(CancellationToken.None));

        Assert.That(monitored.Status.State, Is.EqualTo(SensorState.Missing));
        Assert.That(monitored.Status.LastError, Is.EqualTo(ex!.Message));
        Assert.That(monitored.Status.Failures, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsync_AnswerCorrupt_IsFailing()
    {
        var device = Sht40();
        using var monitored = new MonitoredSensor(new Sht4xSensor("air", device), _time);
        device.CorruptNextAnswer = true;

        await Assert.ThrowsAsync<SensorException>(async () => await monitored.ReadAsync(CancellationToken.None));

        Assert.That(monitored.Status.State, Is.EqualTo(SensorState.Failing));
        Assert.That(monitored.Status.LastError, Does.Contain("CRC"));
    }

    [Test]
    public async Task ReadAsync_RecoversAfterAFault_IsOkAndKeepsTheLastError()
    {
        var device = Sht40();
        using var monitored = new MonitoredSensor(new Sht4xSensor("air", device), _time);
        device.Absent = true;
        await Assert.ThrowsAsync<SensorException>(async () => await monitored.ReadAsync(CancellationToken.None));
        var failedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        device.Absent = false;

        await monitored.ReadAsync(CancellationToken.None);

        Assert.That(monitored.Status, Is.EqualTo(monitored.Status with
        {
            State = SensorState.Ok,
            LastErrorAt = failedAt,
            LastValueAt = _time.GetUtcNow(),
            Reads = 2,
            Failures = 1,
        }));
        Assert.That(monitored.Status.LastError, Does.Contain("does not answer"));
    }

    [Test]
    public async Task ProbeAsync_SerialDeviceSilent_GivesMissingWithoutThrowing()
    {
        using var port = new SimulatedSerialPort();
        using var monitored = new MonitoredSensor(new GpsSensor("gps", port, "/dev/serial0", _time), _time);

        var probe = monitored.ProbeAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var status = await probe.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(status.State, Is.EqualTo(SensorState.Missing));
        Assert.That(status.LastError, Does.Contain("nothing received"));
    }

    [Test]
    public async Task ProbeAsync_GpsWithoutFix_IsOkAndSaysNoFix()
    {
        using var port = new SimulatedSerialPort();
        port.Feed(NmeaRecording.Bytes(NmeaRecording.ColdStartRmc, NmeaRecording.ColdStartGga));
        using var monitored = new MonitoredSensor(new GpsSensor("gps", port, "/dev/serial0", _time), _time);

        var status = await monitored.ProbeAsync(CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(SensorState.Ok));
        Assert.That(status.LastValueAt, Is.Null);
        Assert.That(status.Detail, Does.StartWith("no fix"));
    }

    [Test]
    public async Task ProbeAsync_SerialDeviceSendsOnlyGarbage_IsFailing()
    {
        using var port = new SimulatedSerialPort();
        port.Feed("$GPRMC,garbled*00\r\n"u8.ToArray());
        using var monitored = new MonitoredSensor(new GpsSensor("gps", port, "/dev/serial0", _time), _time);

        var probe = monitored.ProbeAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var status = await probe.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(status.State, Is.EqualTo(SensorState.Failing));
        Assert.That(status.Detail, Does.Contain("1 bad checksums"));
    }
}
