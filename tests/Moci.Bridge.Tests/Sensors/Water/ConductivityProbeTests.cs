using Iot.Device.Ads1115;
using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class ConductivityProbeTests
{
    [Test]
    public async Task ReadAsync_FixedTemperature_GivesCompensatedConductivityAndTdsWithTheCalibrationId()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN1, 1.0);
        using var converter = new Ads1115Converter(adc);
        using var probe = new ConductivityProbe(
            "ec", new AnalogInput(converter, InputMultiplexer.AIN1), new ConductivityCalibration("ec-2026-11-20"), new FixedWaterTemperature(15));

        var values = await probe.ReadAsync(CancellationToken.None);

        Assert.That(values.Select(v => v.Metric), Is.EqualTo(new[] { MetricCatalogue.Conductivity, MetricCatalogue.TotalDissolvedSolids }));
        Assert.That(values[0].Value, Is.EqualTo(918.69).Within(0.2));
        Assert.That(values[1].Value, Is.EqualTo(459.34).Within(0.1));
        Assert.That(values.Select(v => v.Calibration), Has.All.EqualTo("ec-2026-11-20"));
    }

    [Test]
    public async Task ReadAsync_KeepsTheProbesVoltsAndTheWaterTemperatureAsRaw()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN1, 1.0);
        using var converter = new Ads1115Converter(adc);
        using var probe = new ConductivityProbe(
            "ec", new AnalogInput(converter, InputMultiplexer.AIN1), new ConductivityCalibration("ec-2026-11-20"), new FixedWaterTemperature(15));
        Assert.That(probe.LastRaw, Is.Empty, "nothing converted yet");

        await probe.ReadAsync(CancellationToken.None);

        Assert.That(probe.LastRaw, Is.EqualTo(new[] { new RawValue("probe", 1.0, "V"), new RawValue("water temperature", 15, "°C") }));
    }

    [Test]
    public async Task ReadAsync_Ds18b20InTheWater_CompensatesWithItsLastValue()
    {
        var devices = Directory.CreateTempSubdirectory("moci-w1-").FullName;
        try
        {
            var probeFolder = Directory.CreateDirectory(Path.Combine(devices, "28-0316a2794cff")).FullName;
            File.WriteAllText(Path.Combine(probeFolder, "w1_slave"), "f0 00 4b 46 7f ff 0c 10 1c : crc=1c YES\nf0 00 4b 46 7f ff 0c 10 1c t=15000\n");
            using var thermometer = new Ds18b20Sensor("water-temp", null, new FakeTimeProvider(), devices);
            await thermometer.ReadAsync(CancellationToken.None);
            var adc = new SimulatedAds1115();
            adc.SetVolts(InputMultiplexer.AIN1, 1.0);
            using var converter = new Ads1115Converter(adc);
            using var probe = new ConductivityProbe("ec", new AnalogInput(converter, InputMultiplexer.AIN1), new ConductivityCalibration("ec"), thermometer);

            var values = await probe.ReadAsync(CancellationToken.None);

            Assert.That(values[0].Value, Is.EqualTo(918.69).Within(0.2));
        }
        finally
        {
            Directory.Delete(devices, recursive: true);
        }
    }

    [Test]
    public async Task ReadAsync_NoRecentWaterTemperature_ThrowsRatherThanGiveAnUncompensatedValue()
    {
        using var thermometer = new Ds18b20Sensor("water-temp", null, new FakeTimeProvider(), "/nonexistent");
        using var converter = new Ads1115Converter(new SimulatedAds1115());
        using var probe = new ConductivityProbe("ec", new AnalogInput(converter, InputMultiplexer.AIN1), new ConductivityCalibration("ec"), thermometer);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await probe.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("DS18B20 'water-temp'").And.Contain("no recent water temperature"));
    }
}
