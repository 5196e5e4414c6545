using Moci.Telemetry.Indices;

namespace Moci.Telemetry.Tests.Indices;

public sealed class OxygenSolubilityTests
{
    // EN 25814 (ISO 5814) table of oxygen solubility in fresh water at 101.325 kPa: 0 °C 14.6, 5 °C 12.8, 10 °C 11.3,
    // 15 °C 10.1, 20 °C 9.09, 25 °C 8.26, 30 °C 7.56 mg/L (as printed in the ProMinent DULCOTEST and Hach DR/850 manuals).
    [TestCase(0.0, 14.6, 0.05)]
    [TestCase(5.0, 12.8, 0.05)]
    [TestCase(10.0, 11.3, 0.05)]
    [TestCase(15.0, 10.1, 0.05)]
    [TestCase(20.0, 9.09, 0.005)]
    [TestCase(25.0, 8.26, 0.005)]
    [TestCase(30.0, 7.56, 0.005)]
    public void SaturationMilligramsPerLitre_MatchesTheEn25814Table(double celsius, double expected, double tolerance)
    {
        Assert.That(OxygenSolubility.SaturationMilligramsPerLitre(celsius), Is.EqualTo(expected).Within(tolerance));
    }

    [Test]
    public void PercentSaturation_SaturatedWaterAt20Degrees_IsAbout100()
    {
        Assert.That(OxygenSolubility.PercentSaturation(9.09, 20), Is.EqualTo(100).Within(0.1));
    }

    [TestCase(-0.1)]
    [TestCase(40.1)]
    [TestCase(double.NaN)]
    public void SaturationMilligramsPerLitre_OutsideZeroToForty_Throws(double celsius)
    {
        Assert.That(() => OxygenSolubility.SaturationMilligramsPerLitre(celsius), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PercentSaturation_NegativeConcentration_Throws()
    {
        Assert.That(() => OxygenSolubility.PercentSaturation(-1, 20), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
