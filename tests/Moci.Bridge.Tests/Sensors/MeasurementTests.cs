using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors;

public sealed class MeasurementTests
{
    [Test]
    public void Measurement_WithoutCalibration_HasNone()
    {
        var measurement = new Measurement(MetricCatalogue.Pm2_5, 12.5);

        Assert.That(measurement.Calibration, Is.Null);
        Assert.That(measurement with { Calibration = "ph-2pt" }, Is.Not.EqualTo(measurement));
    }
}
