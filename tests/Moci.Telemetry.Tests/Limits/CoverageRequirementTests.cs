using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class CoverageRequirementTests
{
    // 2008/50/EC Annex XI A: one-hour values 75 % "(i.e. 45 minutes)", 24-hour values "at least 18 hour values".
    [TestCase(45, 60, true)]
    [TestCase(44, 60, false)]
    [TestCase(18, 24, true)]
    [TestCase(17, 24, false)]
    [TestCase(540, 720, true)]
    [TestCase(539, 720, false)]
    [TestCase(6, 8, true)]
    [TestCase(5, 8, false)]
    public void ThreeQuarters_MeetsTheEdgeExactly(int valid, int expected, bool met)
    {
        Assert.That(CoverageRequirement.ThreeQuarters.IsMetBy(valid, expected), Is.EqualTo(met));
    }

    [Test]
    public void IsMetBy_NothingExpected_IsNotMet()
    {
        Assert.That(CoverageRequirement.ThreeQuarters.IsMetBy(0, 0), Is.False);
    }

    [TestCase(3, 4, 24, 18)]
    [TestCase(3, 4, 60, 45)]
    [TestCase(9, 10, 365, 329)]
    [TestCase(9, 10, 8760, 7884)]
    [TestCase(17, 20, 365, 311)]
    [TestCase(17, 20, 366, 312)]
    public void MinimumOf_IsTheSmallestCountThatMeetsTheShare(int numerator, int denominator, int expected, int minimum)
    {
        var requirement = new CoverageRequirement(numerator, denominator);

        Assert.That(requirement.MinimumOf(expected), Is.EqualTo(minimum));
        Assert.That(requirement.IsMetBy(minimum, expected), Is.True);
        Assert.That(requirement.IsMetBy(minimum - 1, expected), Is.False);
    }

    [TestCase(5, 4)]
    [TestCase(1, 0)]
    [TestCase(-1, 4)]
    public void Constructor_NotAShareOfOne_Throws(int numerator, int denominator)
    {
        Assert.That(() => new CoverageRequirement(numerator, denominator), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(3, 4, "75 %")]
    [TestCase(17, 20, "85 %")]
    [TestCase(9, 10, "90 %")]
    public void ToString_IsAPercentage(int numerator, int denominator, string text)
    {
        Assert.That(new CoverageRequirement(numerator, denominator).ToString(), Is.EqualTo(text));
    }
}
