using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Air;

public sealed class Bme280SensorTests
{
    /// <summary>
    /// A BME280 holding the worked example of the Bosch datasheet (BST-BME280-DS002, §8.1; the same numbers as the
    /// BMP280's §3.12): trimming T1–T3, P1–P9 and raw readings adc_T = 519888, adc_P = 415148, which compensate to
    /// 25.08 °C and 100653.27 Pa. The humidity trimming (H1 = 75, H2 = 370, H3 = 0, H4 = 313, H5 = 50, H6 = 30) and
    /// adc_H = 0x6A7E are a typical part's; the datasheet's floating-point formula (§8.1) gives 40.61 %RH for them.
    /// </summary>
    private static SimulatedRegisterDevice DatasheetChip()
    {
        var chip = new SimulatedRegisterDevice();
        chip.Set(0xD0, 0x60);
        int[] trimming = [27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000];
        for (var i = 0; i < trimming.Length; i++)
        {
            chip.SetLittleEndian(0x88 + 2 * i, trimming[i]);
        }

        chip.Set(0xA1, 75);
        chip.SetLittleEndian(0xE1, 370);
        chip.Set(0xE3, 0, 0x13, 0x29, 0x03, 30);
        chip.Set(0xF7, 0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x6A, 0x7E);
        return chip;
    }

    [Test]
    public async Task ReadAsync_DatasheetExample_GivesCompensatedTemperatureHumidityAndPressure()
    {
        using var sensor = new Bme280Sensor("air", DatasheetChip());

        var values = (await sensor.ReadAsync(CancellationToken.None)).ToDictionary(m => m.Metric, m => m.Value);

        Assert.Multiple(() =>
        {
            Assert.That(values[MetricCatalogue.Temperature], Is.EqualTo(25.08).Within(0.005));
            Assert.That(values[MetricCatalogue.Pressure], Is.EqualTo(1006.5327).Within(0.0005));
            Assert.That(values[MetricCatalogue.Humidity], Is.EqualTo(40.61).Within(0.005));
        });
    }

    [Test]
    public async Task ReadAsync_EachRead_StartsAForcedMeasurement()
    {
        var chip = DatasheetChip();
        using var sensor = new Bme280Sensor("air", chip);

        await sensor.ReadAsync(CancellationToken.None);
        chip.Writes.Clear();
        await sensor.ReadAsync(CancellationToken.None);

        // ctrl_meas (0xF4) mode bits 01 or 10 = forced mode: one measurement, then sleep (datasheet §5.4.5).
        Assert.That(chip.Writes.Where(w => w.Register == 0xF4).Select(w => w.Value & 0b11), Has.Some.EqualTo(0b01).Or.Some.EqualTo(0b10));
        Assert.That(chip.Writes.Where(w => w.Register == 0xF4).Select(w => w.Value & 0b11), Has.None.EqualTo(0b11));
    }

    [Test]
    public async Task ReadAsync_DataRegistersAtTheirResetValues_ThrowsNoMeasurement()
    {
        var chip = DatasheetChip();
        chip.Set(0xF7, 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00);
        using var sensor = new Bme280Sensor("air", chip);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("'air'").And.Contain("reset values"));
        Assert.That(ex.DeviceMissing, Is.False);
    }

    [Test]
    public async Task ReadAsync_Bmp280AtTheAddress_ThrowsSayingItHasNoHumidity()
    {
        var chip = DatasheetChip();
        chip.Set(0xD0, 0x58);
        using var sensor = new Bme280Sensor("air", chip);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("BMP280").And.Contain("no humidity"));
    }

    [Test]
    public async Task ReadAsync_NoDeviceAnswers_ThrowsNamingBusAddressAndWiring()
    {
        var chip = DatasheetChip();
        chip.Absent = true;
        using var sensor = new Bme280Sensor("air", chip);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("I2C bus 1 at 0x76").And.Contain("i2cdetect -y 1").And.Contain("0x77 with SDO to 3.3 V"));
        Assert.That(ex.DeviceMissing, Is.True);
    }

    [Test]
    public async Task ReadAsync_DeviceBackAfterAFault_ReadsAgain()
    {
        var chip = DatasheetChip();
        using var sensor = new Bme280Sensor("air", chip);
        chip.Absent = true;
        await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        chip.Absent = false;
        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Has.Count.EqualTo(3));
    }

    [Test]
    public void Dispose_NeverRead_ClosesTheDevice()
    {
        var chip = DatasheetChip();
        var sensor = new Bme280Sensor("air", chip);

        sensor.Dispose();

        Assert.That(chip.Disposed, Is.True);
    }
}
