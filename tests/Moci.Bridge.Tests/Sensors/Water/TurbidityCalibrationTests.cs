using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class TurbidityCalibrationTests
{
    private static readonly TurbidityCalibration Vendor = new("turbidity-vendor");

    // The DFRobot SEN0189 vendor curve: −1120.4·V² + 5742.3·V − 4352.9.
    [TestCase(4.2, 0, 0.5)]
    [TestCase(3.5, 2019.8, 0.1)]
    [TestCase(3.0, 2790.2, 0.1)]
    [TestCase(2.5, 3000, 0.5)]
    [TestCase(1.0, 3000, 0)]
    [TestCase(4.6, 0, 0)]
    public void ToNtu_VendorCurve_GivesItsValueClampedToZeroTo3000(double volts, double ntu, double tolerance)
    {
        Assert.That(Vendor.ToNtu(volts), Is.EqualTo(ntu).Within(tolerance));
    }

    [Test]
    public void ToNtu_ProbeWithItsOwnClearWaterVoltage_ReadsZeroInClearWater()
    {
        var calibration = new TurbidityCalibration("turbidity-2026-11-20", ClearWaterVolts: 4.05);

        Assert.That(calibration.ToNtu(4.05), Is.EqualTo(0).Within(0.01));
        Assert.That(calibration.ToNtu(3.0), Is.EqualTo(Vendor.ToNtu(3.0 * 4.2 / 4.05)).Within(0.5));
    }

    [TestCase(2.4)]
    [TestCase(5.5)]
    public void Problems_ClearWaterVoltageOutsideTheCurve_Named(double volts)
    {
        Assert.That((Vendor with { ClearWaterVolts = volts }).Problems(), Has.One.Contains("ClearWaterVolts"));
    }
}
