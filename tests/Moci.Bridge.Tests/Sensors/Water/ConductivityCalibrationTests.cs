using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class ConductivityCalibrationTests
{
    private static readonly ConductivityCalibration Uncalibrated = new("ec-vendor");

    // The GravityTDS curve at 1.0 V: 133.42 − 255.86 + 857.39 = 734.95 µS/cm at 25 °C; at 15 °C the same voltage is
    // 734.95 / (1 + 0.02·(15 − 25)) = 918.69 µS/cm once compensated to 25 °C.
    [TestCase(1.0, 25, 734.95)]
    [TestCase(1.0, 15, 918.69)]
    [TestCase(1.5, 25, 1160.69)]
    [TestCase(0.0, 25, 0)]
    public void ToMicrosiemensPerCentimetreAt25_VendorCurve_CompensatesTemperature(double volts, double celsius, double expected)
    {
        Assert.That(Uncalibrated.ToMicrosiemensPerCentimetreAt25(volts, celsius), Is.EqualTo(expected).Within(0.01));
    }

    [Test]
    public void FromBuffer_1413Buffer_ReadsTheBufferAtItsVoltage()
    {
        var calibration = ConductivityCalibration.FromBuffer("ec-2026-11-20", volts: 1.5, celsius: 20);

        Assert.That(calibration.CellConstant, Is.EqualTo(1.0956).Within(0.0001));
        Assert.That(calibration.ToMicrosiemensPerCentimetreAt25(1.5, 20), Is.EqualTo(1413).Within(0.001));
        Assert.That(calibration.Problems(), Is.Empty);
    }

    [TestCase(0.2, 0.5, 0.02, "CellConstant")]
    [TestCase(1, 0, 0.02, "TdsFactor")]
    [TestCase(1, 0.5, 0.2, "TemperatureCoefficient")]
    public void Problems_OutOfRange_NamesTheSetting(double cellConstant, double tdsFactor, double coefficient, string setting)
    {
        var calibration = new ConductivityCalibration("ec", cellConstant, tdsFactor, coefficient);

        Assert.That(calibration.Problems(), Has.One.StartsWith(setting));
    }
}
