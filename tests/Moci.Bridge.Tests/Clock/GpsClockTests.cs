using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Clock;

namespace Moci.Bridge.Tests.Clock;

public sealed class GpsClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void IsSynchronised_NoFix_IsFalse()
    {
        var gps = new GpsClock(new FakeTimeProvider(T0));

        Assert.That((gps.HasRecentFix, gps.IsSynchronised), Is.EqualTo((false, false)));
    }

    [TestCase(0.0, true)]
    [TestCase(1.5, true)]
    [TestCase(-1.9, true)]
    [TestCase(5.0, false)]
    [TestCase(-3600.0, false)]
    public void IsSynchronised_RecentFix_WhenItAgreesWithTheSystemClock(double gpsAheadSeconds, bool expected)
    {
        var time = new FakeTimeProvider(T0);
        var gps = new GpsClock(time);

        gps.Report(T0.AddSeconds(gpsAheadSeconds));

        Assert.That(gps.HasRecentFix, Is.True);
        Assert.That(gps.IsSynchronised, Is.EqualTo(expected));
    }

    [Test]
    public void IsSynchronised_FixOlderThanTenMinutes_NoLongerVouches()
    {
        var time = new FakeTimeProvider(T0);
        var gps = new GpsClock(time);
        gps.Report(T0);

        time.Advance(TimeSpan.FromMinutes(10));
        var atTen = gps.IsSynchronised;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(atTen, Is.True);
        Assert.That((gps.HasRecentFix, gps.IsSynchronised), Is.EqualTo((false, false)));
    }

    [Test]
    public void Report_WithTheTimeItWasRead_ComparesAgainstThatTimeAndIgnoresOlderFixes()
    {
        var time = new FakeTimeProvider(T0);
        var gps = new GpsClock(time);

        gps.Report(T0.AddSeconds(-30), receivedAt: T0.AddSeconds(-30));
        gps.Report(T0.AddHours(-1), receivedAt: T0.AddMinutes(-1));

        Assert.That(gps.IsSynchronised, Is.True);
    }
}
