using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.SenML;

public sealed class SenMLTimeTests
{
    [TestCase(1e308)]
    [TestCase(-1e308)]
    [TestCase(-1e15)]
    [TestCase(253402300800)]
    [TestCase(-62135596801)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    [TestCase(double.NaN)]
    public void TryToInstant_OutsideTheYears1To9999_IsFalseWithoutThrowing(double seconds)
    {
        Assert.That(SenMLTime.TryToInstant(seconds, out _), Is.False);
    }

    [TestCase(253402300799.999, "9999-12-31T23:59:59.999Z")]
    [TestCase(-62135596800, "0001-01-01T00:00:00.000Z")]
    [TestCase(1764072000.0005, "2025-11-25T12:00:00.001Z")]
    [TestCase(0, "1970-01-01T00:00:00.000Z")]
    public void TryToInstant_InRange_RoundsToTheMillisecond(double seconds, string iso)
    {
        Assert.That(SenMLTime.TryToInstant(seconds, out var instant), Is.True);
        Assert.That(SenMLTime.Describe(instant), Is.EqualTo(iso));
    }

    [Test]
    public void TryToInstant_RoundingPastYear9999_IsFalse()
    {
        Assert.That(SenMLTime.TryToInstant(253402300799.9996, out _), Is.False);
    }

    [Test]
    public void ToInstant_OutOfRange_ThrowsNamingTheTime()
    {
        Assert.That(() => SenMLTime.ToInstant(1e308), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("1E+308"));
    }

    [TestCase(1e308, "1E+308 s since 1970-01-01T00:00:00Z (outside the years 1-9999)")]
    [TestCase(-1e15, "-1000000000000000 s since 1970-01-01T00:00:00Z (outside the years 1-9999)")]
    [TestCase(4102444800, "2100-01-01T00:00:00.000Z")]
    public void Describe_Seconds_GivesIsoOrTheNumberAsSent(double seconds, string text)
    {
        Assert.That(SenMLTime.Describe(seconds), Is.EqualTo(text));
    }
}
