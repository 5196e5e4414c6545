using Iot.Device.Ads1115;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class TurbidityProbeTests
{
    [Test]
    public async Task ReadAsync_ThroughADivider_GivesNtuWithTheCalibrationId()
    {
        // 3.5 V from the probe through a 1.5 divider: 2.333 V at the input.
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN2, 3.5 / 1.5);
        using var converter = new Ads1115Converter(adc);
        using var probe = new TurbidityProbe("turbidity", new AnalogInput(converter, InputMultiplexer.AIN2, 1.5), new TurbidityCalibration("turbidity-vendor"));

        var measurement = (await probe.ReadAsync(CancellationToken.None)).Single();

        Assert.That(measurement.Metric, Is.EqualTo(MetricCatalogue.Turbidity));
        Assert.That(measurement.Value, Is.EqualTo(2019.8).Within(0.5));
        Assert.That(measurement.Calibration, Is.EqualTo("turbidity-vendor"));
    }

    [Test]
    public async Task ReadAsync_NoSignal_ThrowsNamingThe5VSupply()
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115());
        using var probe = new TurbidityProbe("turbidity", new AnalogInput(converter, InputMultiplexer.AIN2, 1.5), new TurbidityCalibration("turbidity-vendor"));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await probe.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("no signal").And.Contain("5 V"));
    }
}
