using Moci.Telemetry.Indices;

namespace Moci.Telemetry.Tests.Indices;

public sealed class IndexBandTests
{
    [TestCase(10.0, true)]
    [TestCase(19.999, true)]
    [TestCase(20.0, false)]
    [TestCase(9.999, false)]
    [TestCase(double.NaN, false)]
    public void Contains_HalfOpenBand_TakesTheLowerEndOnly(double value, bool inside)
    {
        var band = new IndexBand(2, "Fair", null, 10, true, 20, false);

        Assert.That(band.Contains(value), Is.EqualTo(inside));
    }

    [Test]
    public void Range_IsPrintedWithItsEnds()
    {
        Assert.That(new IndexBand(2, "Fair", null, 10, true, 20, false).Range, Is.EqualTo("[10, 20)"));
        Assert.That(new IndexBand(1, "A", null, 80, true, double.PositiveInfinity, false).Range, Is.EqualTo("≥ 80"));
        Assert.That(new IndexBand(5, "E", null, double.NegativeInfinity, false, 1, true).Range, Is.EqualTo("≤ 1"));
    }
}
