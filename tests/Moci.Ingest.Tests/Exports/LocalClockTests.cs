using Moci.Ingest.Exports;

namespace Moci.Ingest.Tests.Exports;

public sealed class LocalClockTests
{
    [Test]
    public void ToLocal_MinuteByMinuteAcrossBothSwitches_AgreesWithTheZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane");
        var clock = new LocalClock(zone);
        DateTimeOffset[] starts = [new(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), new(2026, 10, 24, 22, 0, 0, TimeSpan.Zero)];

        var wrong = starts
            .SelectMany(start => Enumerable.Range(0, 6 * 60).Select(i => start.AddMinutes(i).AddSeconds(i % 7)))
            .Where(instant => clock.ToLocal(instant).Offset != zone.GetUtcOffset(instant) || clock.ToLocal(instant) != instant)
            .ToList();

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void ToLocal_BeforeAndAfterTheSpringSwitch_ChangesFromOneToTwoHours()
    {
        var clock = new LocalClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane"));
        var switchAt = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.That(
            (clock.ToLocal(switchAt.AddMilliseconds(-1)).Offset, clock.ToLocal(switchAt).Offset),
            Is.EqualTo((TimeSpan.FromHours(1), TimeSpan.FromHours(2))));
    }
}
