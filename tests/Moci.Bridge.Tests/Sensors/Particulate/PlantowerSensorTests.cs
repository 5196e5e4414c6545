using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Particulate;

// One instance per test: each gets its own clock and port.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PlantowerSensorTests
{
    // Host commands from the PMS5003 data manual V2.3, appendix II.
    private static readonly byte[] Wake = [0x42, 0x4D, 0xE4, 0x00, 0x01, 0x01, 0x74];
    private static readonly byte[] Sleep = [0x42, 0x4D, 0xE4, 0x00, 0x00, 0x01, 0x73];
    private static readonly byte[] Active = [0x42, 0x4D, 0xE1, 0x00, 0x01, 0x01, 0x71];
    private static readonly byte[] Passive = [0x42, 0x4D, 0xE1, 0x00, 0x00, 0x01, 0x70];
    private static readonly byte[] ReadInPassiveMode = [0x42, 0x4D, 0xE2, 0x00, 0x00, 0x01, 0x71];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedSerialPort _port = new();

    [TearDown]
    public void DisposePort() => _port.Dispose();

    [Test]
    public async Task ReadAsync_AfterTheWarmUp_GivesTheAtmosphericConcentrations()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.EqualTo(new[]
        {
            new Measurement(MetricCatalogue.Pm1, 4), new Measurement(MetricCatalogue.Pm2_5, 7), new Measurement(MetricCatalogue.Pm10, 9),
        }));
    }

    [Test]
    public async Task ReadAsync_SeveralFramesQueued_GivesTheNewest()
    {
        var older = PlantowerFrameParserTests.DatasheetFrame.ToArray();
        older[13] = 0x06; // atmospheric PM2.5 6 instead of 7,
        older[31] -= 1;   // and the checksum one less
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        _port.Feed([.. older, .. PlantowerFrameParserTests.DatasheetFrame]);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values.Single(v => v.Metric == MetricCatalogue.Pm2_5).Value, Is.EqualTo(7));
        Assert.That(sensor.Counters.Frames, Is.EqualTo(3));
    }

    [Test]
    public async Task ReadAsync_FirstRead_SendsWakeThenActiveModeAndDiscardsWhileWarmingUp()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(_port.Written, Is.EqualTo(Wake.Concat(Active)));
        Assert.That(sensor.Counters.DiscardedWhileWarmingUp, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsync_PassiveMode_AsksForEachFrame()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time, PlantowerMode.Passive);
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);

        await sensor.ReadAsync(CancellationToken.None);

        Assert.That(_port.Written, Is.EqualTo(Wake.Concat(Passive).Concat(ReadInPassiveMode)));
    }

    [Test]
    public async Task ReadAsync_DutyCycleOver_SendsSleep()
    {
        var cycle = new DutyCycle(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time, dutyCycle: cycle);
        _port.Feed(PlantowerFrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _port.ClearWritten();
        _time.Advance(TimeSpan.FromSeconds(91));

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(_port.Written, Is.EqualTo(Sleep));
    }

    [Test]
    public async Task ReadAsync_OnlyCorruptFramesArrive_ThrowsAfterTheTimeoutCountingThem()
    {
        var corrupt = PlantowerFrameParserTests.DatasheetFrame.ToArray();
        corrupt[31] ^= 0xFF;
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);
        _port.Feed(corrupt, corrupt);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.Message, Does.Contain("2 bad checksums").And.Contain("GPIO 15, pin 10"));
    }

    [Test]
    public async Task ReadAsync_NothingArrives_ThrowsNamingThePortAndTheFanSupply()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.Message, Does.Contain("/dev/serial0").And.Contain("the fan needs 5 V"));
    }

    [Test]
    public async Task ReadAsync_NothingArrives_IsMissingAndSaysWhatToCheckWordForWord()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/serial0", _time);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.DeviceMissing, Is.True);
        Assert.That(ex.Message, Does.StartWith("PMS5003/7003 'pm' on /dev/serial0: nothing received within 5 s").And.EndWith(
            $"({sensor.Counters}). Check its TX to the Pi's RX (GPIO 15, pin 10) and its RX to the Pi's TX (GPIO 14, pin 8), 5 V (pin 2 or 4: "
            + "the fan needs 5 V) and GND, that its SET pin is not pulled low (that is sleep), and that the UART is on (enable_uart=1) "
            + "with the serial console off."));
    }

    [Test]
    public async Task ReadAsync_PortClosed_IsMissingAndSaysTheAdapterIsGone()
    {
        using var sensor = new PlantowerSensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Disconnect();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.DeviceMissing, Is.True);
        Assert.That(ex.Message, Does.StartWith("PMS5003/7003 'pm': /dev/ttyUSB0 closed (").And.EndWith(
            "): a USB serial adapter unplugged? Plug it in again and restart the bridge."));
    }
}
