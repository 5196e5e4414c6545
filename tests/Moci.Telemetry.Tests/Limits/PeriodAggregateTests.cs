using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class PeriodAggregateTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Start_GivenWithAnOffset_IsKeptAsUtc()
    {
        var hour = PeriodAggregate.Hour(new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.FromHours(1)), 10, 60, 60);

        Assert.That(hour.Start, Is.EqualTo(Start));
        Assert.That(hour.Start.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void End_IsStartPlusTheResolution()
    {
        Assert.That(PeriodAggregate.Hour(Start, 1, 1, 1).End, Is.EqualTo(Start.AddHours(1)));
        Assert.That(PeriodAggregate.Day(Start, 1, 24).End, Is.EqualTo(Start.AddDays(1)));
    }

    [TestCase(540, 720, 0.75)]
    [TestCase(725, 720, 1.0)]
    [TestCase(0, 720, 0.0)]
    public void Coverage_IsValidOverExpectedCappedAtOne(int valid, int expected, double coverage)
    {
        var hour = PeriodAggregate.Hour(Start, valid == 0 ? null : 3.0, valid, expected);

        Assert.That(hour.Coverage, Is.EqualTo(coverage));
    }

    [Test]
    public void Constructor_MeanWithoutValidValues_ThrowsNamingThePeriod()
    {
        Assert.That(() => PeriodAggregate.Hour(Start, 5, 0, 60),
            Throws.ArgumentException.With.Message.Contains("2025-03-01T10:00:00").And.Message.Contains("0 valid values and a mean"));
    }

    [Test]
    public void Constructor_ValidValuesWithoutMean_Throws()
    {
        Assert.That(() => PeriodAggregate.Hour(Start, null, 10, 60), Throws.ArgumentException.With.Message.Contains("no mean"));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Constructor_MeanNotFinite_Throws(double mean)
    {
        Assert.That(() => PeriodAggregate.Hour(Start, mean, 10, 60), Throws.ArgumentException.With.Message.Contains("finite"));
    }

    [TestCase(-1, 60)]
    [TestCase(0, 0)]
    public void Constructor_ImpossibleCounts_Throw(int valid, int expected)
    {
        Assert.That(() => PeriodAggregate.Hour(Start, null, valid, expected), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
