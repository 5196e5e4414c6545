using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class PhCalibrationTests
{
    // The DFRobot pH V2 library's default calibration: 1500 mV in pH 7 buffer, 2032.44 mV in pH 4 buffer.
    internal static readonly PhCalibration TwoPoint = new("ph-2026-11-20", [new(1.500, 7.0), new(2.03244, 4.0)]);

    // The same with a pH 10 buffer at 1.000 V, giving the alkaline side its own slope.
    internal static readonly PhCalibration ThreePoint = new("ph-3pt-2026-11-20", [new(2.03244, 4.0), new(1.500, 7.0), new(1.000, 10.0)]);

    [TestCase(1.500, 7.0)]
    [TestCase(2.03244, 4.0)]
    [TestCase(1.76622, 5.5)]
    [TestCase(1.23378, 8.5)]
    public void ToPh_TwoPoint_InterpolatesOnOneLine(double volts, double ph)
    {
        Assert.That(TwoPoint.ToPh(volts), Is.EqualTo(ph).Within(0.001));
    }

    [TestCase(1.500, 7.0)]
    [TestCase(1.76622, 5.5)]
    [TestCase(1.250, 8.5)]
    [TestCase(1.000, 10.0)]
    [TestCase(0.900, 10.6)]
    public void ToPh_ThreePoint_UsesTheSlopeOfEachSide(double volts, double ph)
    {
        Assert.That(ThreePoint.ToPh(volts), Is.EqualTo(ph).Within(0.001));
    }

    [Test]
    public void Problems_OneBuffer_AsksForTwoOrThree()
    {
        var calibration = new PhCalibration("ph", [new(1.5, 7)]);

        Assert.That(calibration.Problems(), Has.One.Contains("two or three buffers"));
    }

    [Test]
    public void Problems_SameVoltageInTwoBuffers_SaysTheProbeDidNotRespond()
    {
        var calibration = new PhCalibration("ph", [new(1.5, 7), new(1.5, 4)]);

        Assert.That(calibration.Problems(), Has.One.Contains("did not respond"));
    }

    [Test]
    public void Problems_VoltagesNotMonotonic_SaysABufferWasMislabelled()
    {
        var calibration = new PhCalibration("ph", [new(2.0, 4), new(1.5, 7), new(1.8, 10)]);

        Assert.That(calibration.Problems(), Has.One.Contains("mislabelled"));
    }

    [Test]
    public void Problems_NoId_AsksForOne()
    {
        Assert.That((TwoPoint with { Id = " " }).Problems(), Has.One.Contains("Id is empty"));
    }

    [Test]
    public void Problems_DatasheetCalibration_None()
    {
        Assert.That(TwoPoint.Problems().Concat(ThreePoint.Problems()), Is.Empty);
    }
}
