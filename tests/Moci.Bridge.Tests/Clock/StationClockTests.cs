using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Clock;

namespace Moci.Bridge.Tests.Clock;

public sealed class StationClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [TestCase(true, null, "Ntp", true)]
    [TestCase(true, 30.0, "Ntp", true)]
    [TestCase(false, 0.5, "Gps", true)]
    [TestCase(false, 30.0, "Gps", false)]
    [TestCase(false, null, "None", false)]
    public void Current_NtpFirstThenAGpsFix(bool ntp, double? gpsAheadSeconds, string source, bool synchronised)
    {
        var time = new FakeTimeProvider(T0);
        var gps = new GpsClock(time);
        if (gpsAheadSeconds is { } ahead)
        {
            gps.Report(T0.AddSeconds(ahead));
        }

        var clock = new StationClock(new NtpClock("/nonexistent/timesync/synchronized", () => ntp), gps);

        Assert.That(clock.Current, Is.EqualTo(new ClockState(Enum.Parse<ClockSource>(source), synchronised)));
    }
}
