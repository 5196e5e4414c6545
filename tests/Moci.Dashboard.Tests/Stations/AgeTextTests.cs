using Moci.Dashboard.Stations;

namespace Moci.Dashboard.Tests.Stations;

public sealed class AgeTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [TestCase(-5, "just now")]
    [TestCase(12, "12 s ago")]
    [TestCase(60 * 4 + 10, "4 min ago")]
    [TestCase(3600 * 3, "3 h ago")]
    [TestCase(3600 * 24 * 5, "5 days ago")]
    public void Of_SaysHowLongAgoInShortWords(int secondsAgo, string text)
    {
        Assert.That(AgeText.Of(Now.AddSeconds(-secondsAgo), Now), Is.EqualTo(text));
    }
}
