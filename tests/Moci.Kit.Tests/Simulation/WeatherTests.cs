using Moci.Kit.Simulation;

namespace Moci.Kit.Tests.Simulation;

public sealed class WeatherTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Events_WetWinterHasMoreShowersThanDrySummer()
    {
        var weather = new Weather(9);

        var winter = weather.Events(Start, Start.AddDays(90)).Count();
        var summer = weather.Events(Start.AddDays(152), Start.AddDays(242)).Count();

        Assert.That(winter, Is.GreaterThan(summer * 2), $"winter {winter}, summer {summer}");
    }

    [Test]
    public void RainAt_IsPositiveOnlyDuringAShower()
    {
        var weather = new Weather(9);
        var shower = weather.Events(Start, Start.AddDays(30)).First();

        Assert.That(weather.RainAt(shower.Start + shower.Duration / 2), Is.EqualTo(shower.Intensity));
        Assert.That(weather.RainAt(shower.End.AddMinutes(1)), Is.Zero.Or.Not.EqualTo(shower.Intensity));
    }

    [Test]
    public void RiverResponse_PeaksHoursAfterTheShowerAndFades()
    {
        var weather = new Weather(9);
        var shower = weather.Events(Start, Start.AddDays(60)).First(e => weather.Events(e.Start.AddDays(-5), e.Start).Count() == 0);

        var atStart = weather.RiverResponseAt(shower.Start);
        var sixHoursOn = weather.RiverResponseAt(shower.Start.AddHours(6));
        var fourDaysOn = weather.RiverResponseAt(shower.Start.AddDays(4));

        Assert.That(sixHoursOn, Is.GreaterThan(atStart + 0.2));
        Assert.That(fourDaysOn, Is.LessThan(sixHoursOn / 3));
    }

    [Test]
    public void Events_AreTheSameForTheSameSeed()
    {
        var reference = new Weather(3).Events(Start, Start.AddDays(40)).ToList();

        Assert.That(new Weather(3).Events(Start, Start.AddDays(40)), Is.EqualTo(reference));
        Assert.That(new Weather(4).Events(Start, Start.AddDays(40)), Is.Not.EqualTo(reference));
    }
}
