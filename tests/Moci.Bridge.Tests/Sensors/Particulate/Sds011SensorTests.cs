using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Particulate;

// One instance per test: each gets its own clock and port.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class Sds011SensorTests
{
    // Command frames from the SDS011 control protocol V1.3 (the sleep and work examples it gives).
    private static readonly byte[] Sleep = Convert.FromHexString("AAB406010000000000000000000000FFFF05AB");
    private static readonly byte[] Work = Convert.FromHexString("AAB406010100000000000000000000FFFF06AB");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedSerialPort _port = new();

    [TearDown]
    public void DisposePort() => _port.Dispose();

    [Test]
    public async Task ReadAsync_AfterTheWarmUp_GivesPm25AndPm10()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.EqualTo(new[] { new Measurement(MetricCatalogue.Pm2_5, 12.3), new Measurement(MetricCatalogue.Pm10, 20.1) }));
    }

    [Test]
    public async Task ReadAsync_DuringTheWarmUp_DiscardsTheFrameAndCountsIt()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(sensor.Counters.DiscardedWhileWarmingUp, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsync_FirstRead_WakesTheSensorAndSetsActiveContinuousReporting()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);

        await sensor.ReadAsync(CancellationToken.None);

        byte[] expected =
        [
            .. Work,
            .. Convert.FromHexString("AAB402010000000000000000000000FFFF01AB"),
            .. Convert.FromHexString("AAB408010000000000000000000000FFFF07AB"),
        ];
        Assert.That(_port.Written, Is.EqualTo(expected));
    }

    [Test]
    public async Task ReadAsync_DutyCycle_SleepsAfterMeasuringAndWakesAtTheNextPeriod()
    {
        var cycle = new DutyCycle(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time, cycle);
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _port.ClearWritten();

        _time.Advance(TimeSpan.FromSeconds(90));
        var asleep = await sensor.ReadAsync(CancellationToken.None);
        Assert.That(asleep, Is.Empty);
        Assert.That(_port.Written, Is.EqualTo(Sleep));

        _port.ClearWritten();
        _time.Advance(TimeSpan.FromSeconds(210));
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);
        var warmingUp = await sensor.ReadAsync(CancellationToken.None);
        Assert.That(warmingUp, Is.Empty);
        Assert.That(_port.Written, Is.EqualTo(Work));

        _time.Advance(TimeSpan.FromSeconds(30));
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);
        Assert.That(await sensor.ReadAsync(CancellationToken.None), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ReadAsync_SplitAndCorruptFramesOnTheLine_GivesTheValidOne()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Feed(Sds011FrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(31));
        var corrupt = Sds011FrameParserTests.DatasheetFrame.ToArray();
        corrupt[4] = 0x00;

        _port.Feed(corrupt, Sds011FrameParserTests.DatasheetFrame[..3]);
        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _port.Feed(Sds011FrameParserTests.DatasheetFrame[3..]);
        var values = await read.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(values.Select(v => v.Value), Is.EqualTo(new[] { 12.3, 20.1 }));
        Assert.That(sensor.Counters.ChecksumErrors, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadAsync_NothingArrives_ThrowsAfterTheFrameTimeoutNamingTheWiring()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.Message, Does.Contain("/dev/ttyUSB0").And.Contain("nothing received within 5 s").And.Contain("5 V"));
    }

    [Test]
    public async Task ReadAsync_NothingArrives_IsMissingAndSaysWhatToCheckWordForWord()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);

        var read = sensor.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.DeviceMissing, Is.True);
        Assert.That(ex.Message, Does.StartWith("SDS011 'pm' on /dev/ttyUSB0: nothing received within 5 s").And.EndWith(
            $"({sensor.Counters}). Check its TXD to the Pi's RX (GPIO 15, pin 10) or its USB adapter, 5 V (pin 2 or 4: the fan needs 5 V) "
            + "and GND, and that the UART is on (enable_uart=1) with the serial console off."));
    }

    [Test]
    public async Task ReadAsync_PortClosed_ThrowsSayingTheAdapterIsGone()
    {
        using var sensor = new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time);
        _port.Disconnect();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("closed").And.Contain("USB"));
    }

    [Test]
    public void Constructor_WarmUpAndMeasureLongerThanThePeriod_ThrowsNamingTheSettings()
    {
        var cycle = new DutyCycle(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        var ex = Assert.Throws<ArgumentException>(() => new Sds011Sensor("pm", _port, "/dev/ttyUSB0", _time, cycle));

        Assert.That(ex!.Message, Does.Contain("WarmUp + Measure").And.Contain("Period"));
    }
}
