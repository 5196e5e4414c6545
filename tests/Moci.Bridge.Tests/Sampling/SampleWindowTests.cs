using Moci.Bridge.Clock;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Bridge.Tests.Sampling;

public sealed class SampleWindowTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 20, 10, 1, 0, TimeSpan.Zero);
    private static readonly ClockState Synchronised = new(ClockSource.Ntp, true);

    [Test]
    public void Close_MeansPerMetric_SkippingValuesThatAreNotFinite()
    {
        var window = new SampleWindow();
        window.Add([new Measurement(MetricCatalogue.Pm2_5, 10), new Measurement(MetricCatalogue.Pm10, 30)], Synchronised);
        window.Add([new Measurement(MetricCatalogue.Pm2_5, 20), new Measurement(MetricCatalogue.Pm10, double.NaN)], Synchronised);

        var readings = window.Close("rrg-school-01", End);

        Assert.That(readings, Is.EquivalentTo(new[]
        {
            new Reading("rrg-school-01", "pm2_5", End, 15),
            new Reading("rrg-school-01", "pm10", End, 30),
        }));
    }

    [Test]
    public void Close_EmptiesTheWindowAndItsFlag()
    {
        var window = new SampleWindow();
        window.Add([new Measurement(MetricCatalogue.Pm2_5, 10)], ClockState.Unknown);

        var first = window.Close("rrg-school-01", End);
        var emptyAfter = window.IsEmpty;
        window.Add([new Measurement(MetricCatalogue.Pm2_5, 40)], Synchronised);
        var second = window.Close("rrg-school-01", End.AddMinutes(1));

        Assert.That(first.Single().Flags, Is.EqualTo(QaFlags.ClockSuspect));
        Assert.That(emptyAfter, Is.True);
        Assert.That(second.Single(), Is.EqualTo(new Reading("rrg-school-01", "pm2_5", End.AddMinutes(1), 40)));
    }

    [Test]
    public void Close_GpsFixThatDisagreesWithTheClock_IsClockSuspect()
    {
        var window = new SampleWindow();
        window.Add([new Measurement(MetricCatalogue.Pm2_5, 10)], new ClockState(ClockSource.Gps, false));

        Assert.That(window.Close("rrg-school-01", End).Single().Flags, Is.EqualTo(QaFlags.ClockSuspect));
    }
}
