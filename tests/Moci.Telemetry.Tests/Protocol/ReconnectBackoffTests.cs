using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class ReconnectBackoffTests
{
    private static ReconnectBackoff NoJitter() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.5);

    [Test]
    public void Failed_DoublesUpToTheMaximum()
    {
        var backoff = NoJitter();

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Failed().TotalSeconds).ToList();

        Assert.That(waits, Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 30, 30 }));
    }

    [TestCase(0.0, 0.8)]
    [TestCase(0.999999, 1.2)]
    public void Failed_JittersByTwentyPercent(double random, double factor)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), () => random);

        Assert.That(backoff.Failed().TotalSeconds, Is.EqualTo(10 * factor).Within(0.001));
    }

    [Test]
    public void Ended_AfterAStableConnection_StartsOverFromTheFirstWait()
    {
        var backoff = NoJitter();
        backoff.Failed();
        backoff.Failed();

        Assert.That(backoff.Ended(TimeSpan.FromMinutes(5)), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Ended_RightAfterConnecting_KeepsBackingOff()
    {
        var backoff = NoJitter();
        backoff.Failed();
        backoff.Failed();

        Assert.That(backoff.Ended(TimeSpan.FromMilliseconds(50)), Is.EqualTo(TimeSpan.FromSeconds(4)));
    }
}
