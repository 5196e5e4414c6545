using Iot.Device.Ads1115;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class PhProbeTests
{
    [Test]
    public async Task ReadAsync_ProbeVoltage_GivesPhWithTheCalibrationId()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 1.76622);
        using var converter = new Ads1115Converter(adc);
        using var probe = new PhProbe("ph", new AnalogInput(converter, InputMultiplexer.AIN0), PhCalibrationTests.TwoPoint);

        var measurement = (await probe.ReadAsync(CancellationToken.None)).Single();

        Assert.That(measurement.Metric, Is.EqualTo(MetricCatalogue.Ph));
        Assert.That(measurement.Value, Is.EqualTo(5.5).Within(0.001));
        Assert.That(measurement.Calibration, Is.EqualTo("ph-2026-11-20"));
    }

    [Test]
    public async Task ReadAsync_ProbeUnplugged_ThrowsOutsideZeroToFourteen()
    {
        // An open input floats towards 0 V: far beyond the alkaline end of the calibration.
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 0.0);
        using var converter = new Ads1115Converter(adc);
        using var probe = new PhProbe("ph", new AnalogInput(converter, InputMultiplexer.AIN0), PhCalibrationTests.TwoPoint);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await probe.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("outside 0–14").And.Contain("ph-2026-11-20"));
        Assert.That(probe.LastRaw, Is.EqualTo(new[] { new RawValue("probe", 0.0, "V") }), "the volts the calibration refused are kept for check --raw");
    }

    [Test]
    public async Task ReadAsync_ConverterAbsent_ThrowsNamingTheProbe()
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115 { Absent = true });
        using var probe = new PhProbe("ph", new AnalogInput(converter, InputMultiplexer.AIN0), PhCalibrationTests.TwoPoint);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await probe.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("pH probe 'ph'").And.Contain("does not answer"));
    }

    [Test]
    public void Constructor_BadCalibration_ThrowsNamingProbeAndCalibration()
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115());

        var ex = Assert.Throws<ArgumentException>(() => new PhProbe("ph", new AnalogInput(converter, InputMultiplexer.AIN0), new PhCalibration("old", [new(1.5, 7)])));

        Assert.That(ex!.Message, Does.Contain("pH probe 'ph', calibration 'old'"));
    }
}
