using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Particulate;
using Moci.Bridge.Tests.Sensors.Support;

namespace Moci.Bridge.Tests.Configuration;

public sealed class DutyCycleChecksTests
{
    // The SDS011 control protocol V1.3's sleep and work command frames.
    private static readonly byte[] Sleep = Convert.FromHexString("AAB406010000000000000000000000FFFF05AB");
    private static readonly byte[] Work = Convert.FromHexString("AAB406010100000000000000000000FFFF06AB");

    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [Test]
    public void ToDutyCycle_WorkAndSleep_IsACycleOfBothThatMeasuresAfterTheWarmUp() =>
        Assert.That(
            DutyCycleChecks.ToDutyCycle(Configured("""{ "work": "1m", "sleep": "4m30s" }""")),
            Is.EqualTo(new DutyCycle(TimeSpan.FromMinutes(5.5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30))));

    [Test]
    public void ToDutyCycle_NoDutyCycle_RunsAllTheTime() =>
        Assert.That(DutyCycleChecks.ToDutyCycle(null), Is.SameAs(DutyCycle.Continuous));

    [Test]
    public async Task ToDutyCycle_OfTheConfiguration_PutsAnSds011ToSleepAfterItsWorkAndWakesItAfterItsSleep()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        using var port = new SimulatedSerialPort();
        using var sensor = new Sds011Sensor("dust", port, "/dev/ttyUSB0", time, DutyCycleChecks.ToDutyCycle(Configured("""{ "work": "45s", "sleep": "1m" }""")));
        port.Feed(Sds011FrameParserTests.DatasheetFrame);
        await sensor.ReadAsync(CancellationToken.None);
        port.ClearWritten();

        time.Advance(TimeSpan.FromSeconds(40));
        port.Feed(Sds011FrameParserTests.DatasheetFrame);
        var measured = await sensor.ReadAsync(CancellationToken.None);
        var whileWorking = port.Written.ToArray();
        time.Advance(TimeSpan.FromSeconds(10));
        await sensor.ReadAsync(CancellationToken.None);
        var afterWork = port.Written.ToArray();
        port.ClearWritten();
        time.Advance(TimeSpan.FromSeconds(55));
        port.Feed(Sds011FrameParserTests.DatasheetFrame);
        var warmingUp = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(measured, Has.Count.EqualTo(2));
        Assert.That(whileWorking, Is.Empty);
        Assert.That(afterWork, Is.EqualTo(Sleep));
        Assert.That(port.Written, Is.EqualTo(Work));
        Assert.That(warmingUp, Is.Empty);
    }

    private DutyCycleOptions Configured(string dutyCycle)
    {
        var json = BridgeConfig.Valid.Replace(
            """{ "type": "bme280", "name": "air", "bus": 1, "address": "0x76" }""",
            $$"""{ "type": "sds011", "name": "dust", "port": "/dev/ttyUSB0", "dutyCycle": {{dutyCycle}} }""",
            StringComparison.Ordinal);
        Assert.That(_config.Problems(json), Is.Empty);
        return _config.Options<SensorListOptions>(json).Sensors[0].DutyCycle!;
    }
}
