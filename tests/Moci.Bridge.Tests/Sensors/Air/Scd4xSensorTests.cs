using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Air;

public sealed class Scd4xSensorTests
{
    private const int StartPeriodicMeasurement = 0x21B1;
    private const int GetDataReadyStatus = 0xE4B8;
    private const int ReadMeasurement = 0xEC05;

    /// <summary>An SCD41 with a measurement of 612 ppm ready (SCD4x datasheet §3.6.2: CO₂ is the first word, in ppm).</summary>
    private static SimulatedSensirionDevice Scd41(bool ready = true)
    {
        var device = new SimulatedSensirionDevice(0x62);
        device.Answer(GetDataReadyStatus, ready ? (ushort)0x8006 : (ushort)0x8000);
        device.Answer(ReadMeasurement, 612, 0x6666, 0x8000);
        return device;
    }

    [Test]
    public async Task ReadAsync_FirstRead_StartsPeriodicMeasurementAndGivesNothing()
    {
        var device = Scd41();
        using var sensor = new Scd4xSensor("co2", device);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(device.Commands, Does.Contain(StartPeriodicMeasurement));
    }

    [Test]
    public async Task ReadAsync_MeasurementReady_GivesCo2InPpm()
    {
        var device = Scd41();
        using var sensor = new Scd4xSensor("co2", device);
        await sensor.ReadAsync(CancellationToken.None);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.EqualTo(new[] { new Measurement(MetricCatalogue.Co2, 612) }));
    }

    [Test]
    public async Task ReadAsync_NoMeasurementReady_GivesNothingWithoutReading()
    {
        var device = Scd41(ready: false);
        using var sensor = new Scd4xSensor("co2", device);
        await sensor.ReadAsync(CancellationToken.None);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(device.Commands, Does.Not.Contain(ReadMeasurement));
    }

    [Test]
    public async Task ReadAsync_AnswerFailsItsCrc_ThrowsNamingNoise()
    {
        var device = Scd41();
        using var sensor = new Scd4xSensor("co2", device);
        await sensor.ReadAsync(CancellationToken.None);
        device.CorruptNextAnswer = true;

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("CRC").And.Contain("pull-ups"));
    }

    [Test]
    public async Task ReadAsync_NoDeviceAnswers_ThrowsNamingTheAddress()
    {
        var device = Scd41();
        device.Absent = true;
        using var sensor = new Scd4xSensor("co2", device);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("I2C bus 1 at 0x62").And.Contain("always 0x62"));
    }
}
