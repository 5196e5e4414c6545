using Moci.Ingest.Queries;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Queries;

public sealed class ResolutionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(365 * 24, 800, Resolution.Hour)]
    [TestCase(800, 800, Resolution.Hour)]
    [TestCase(799, 800, Resolution.Raw)]
    [TestCase(7 * 24, 800, Resolution.Raw)]
    [TestCase(800 * 24, 800, Resolution.Day)]
    [TestCase(800 * 24 - 24, 800, Resolution.Hour)]
    [TestCase(24, 1, Resolution.Day)]
    public void Choose_CoarsestWithAPointPerColumn(int hours, int columns, Resolution expected)
    {
        Assert.That(Resolutions.Choose(new TimeRange(T0, T0.AddHours(hours)), columns), Is.EqualTo(expected));
    }

    [Test]
    public void Choose_RangeCuttingHours_CountsThePartlyCoveredOnes()
    {
        // 799 hours long, but touching 800 UTC hours.
        Assert.That(Resolutions.Choose(new TimeRange(T0.AddMinutes(30), T0.AddMinutes(30).AddHours(799)), 800), Is.EqualTo(Resolution.Hour));
    }

    [TestCase("raw", Resolution.Raw)]
    [TestCase("HOUR", Resolution.Hour)]
    [TestCase("day", Resolution.Day)]
    [TestCase("auto", null)]
    [TestCase(null, null)]
    public void TryParse_KnownNames(string? text, Resolution? expected)
    {
        Assert.That(Resolutions.TryParse(text, out var resolution), Is.True);
        Assert.That(resolution, Is.EqualTo(expected));
    }

    [TestCase("minute")]
    [TestCase("1h")]
    public void TryParse_Unknown_Fails(string text)
    {
        Assert.That(Resolutions.TryParse(text, out _), Is.False);
    }
}
