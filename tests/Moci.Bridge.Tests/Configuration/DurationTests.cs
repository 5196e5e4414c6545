using Moci.Bridge.Configuration;

namespace Moci.Bridge.Tests.Configuration;

public sealed class DurationTests
{
    [TestCase("500ms", 500)]
    [TestCase("1s", 1_000)]
    [TestCase("10m", 600_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("7d", 604_800_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("00:01:00", 60_000)]
    public void TryParse_UnitsAndClockForm_AreRead(string text, long milliseconds)
    {
        Assert.That(Duration.TryParse(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("60")]
    [TestCase("1 fortnight")]
    [TestCase("s")]
    [TestCase("")]
    [TestCase("-00:01:00")]
    public void TryParse_NoUnitOrNegative_Refuses(string text) =>
        Assert.That(Duration.TryParse(text, out _), Is.False);

    [TestCase(0, "0s")]
    [TestCase(250, "250ms")]
    [TestCase(5_400_000, "1h30m")]
    [TestCase(90_061_000, "1d1h1m1s")]
    public void Format_WritesTheShortForm(long milliseconds, string expected) =>
        Assert.That(Duration.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(expected));
}
