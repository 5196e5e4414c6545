using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Air;

public sealed class Sht4xSensorTests
{
    private const int MeasureHighRepeatability = 0xFD;

    /// <summary>
    /// SHT4x datasheet §4.6: T = −45 + 175·S_T/65535 °C and RH = −6 + 125·S_RH/65535 %RH. S_T = 0x6666 is 25.00 °C;
    /// S_RH = 0x7FFF is 56.50 %RH.
    /// </summary>
    private static SimulatedSensirionDevice Sht40()
    {
        var device = new SimulatedSensirionDevice(0x44);
        device.Answer(MeasureHighRepeatability, 0x6666, 0x7FFF);
        return device;
    }

    [Test]
    public async Task ReadAsync_DatasheetConversion_GivesTemperatureAndHumidity()
    {
        var device = Sht40();
        using var sensor = new Sht4xSensor("air", device);

        var values = (await sensor.ReadAsync(CancellationToken.None)).ToDictionary(m => m.Metric, m => m.Value);

        Assert.Multiple(() =>
        {
            Assert.That(values[MetricCatalogue.Temperature], Is.EqualTo(25.0).Within(0.001));
            Assert.That(values[MetricCatalogue.Humidity], Is.EqualTo(56.50).Within(0.005));
            Assert.That(device.Commands, Does.Contain(MeasureHighRepeatability));
        });
    }

    [Test]
    public async Task ReadAsync_AnswerFailsItsCrc_ThrowsNamingNoise()
    {
        var device = Sht40();
        using var sensor = new Sht4xSensor("air", device);
        device.CorruptNextAnswer = true;

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("CRC").And.Contain("'air'"));
    }

    [Test]
    public async Task ReadAsync_NoDeviceAnswers_ThrowsNamingTheAddresses()
    {
        var device = Sht40();
        device.Absent = true;
        using var sensor = new Sht4xSensor("air", device);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("I2C bus 1 at 0x44").And.Contain("0x45 for -B"));
    }
}
