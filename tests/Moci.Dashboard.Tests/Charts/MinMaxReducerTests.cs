using Moci.Dashboard.Charts;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Tests.Charts;

public sealed class MinMaxReducerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static ChartPoint[] Seconds(int count, Func<int, double> value) =>
        Enumerable.Range(0, count).Select(i => new ChartPoint(T0.AddSeconds(i), value(i))).ToArray();

    [Test]
    public void Reduce_FewPoints_ReturnsThemUnchanged()
    {
        var points = Seconds(10, i => i);

        Assert.That(MinMaxReducer.Reduce(points, new TimeRange(T0, T0.AddSeconds(10)), columns: 5), Is.SameAs(points));
    }

    [Test]
    public void Reduce_ManyPoints_AtMostTwoPerColumnInTimeOrder()
    {
        var points = Seconds(86_400, i => Math.Sin(i / 1000.0));

        var reduced = MinMaxReducer.Reduce(points, new TimeRange(T0, T0.AddDays(1)), columns: 600);

        Assert.That(reduced, Has.Count.LessThanOrEqualTo(1200));
        Assert.That(reduced.Select(p => p.Timestamp), Is.Ordered);
    }

    [Test]
    public void Reduce_ShortPeak_Survives()
    {
        var points = Seconds(86_400, i => i is >= 50_000 and < 50_030 ? 250 : 15);

        var reduced = MinMaxReducer.Reduce(points, new TimeRange(T0, T0.AddDays(1)), columns: 600);

        Assert.That(reduced.Max(p => p.Value), Is.EqualTo(250));
        Assert.That(reduced.Min(p => p.Value), Is.EqualTo(15));
    }

    [Test]
    public void Reduce_KeepsTheFlagOfTheKeptPoint()
    {
        var points = Seconds(10_000, i => i == 5_000 ? -3 : 7).Select(p => p.Value < 0 ? p with { Flagged = true } : p).ToArray();

        var reduced = MinMaxReducer.Reduce(points, new TimeRange(T0, T0.AddSeconds(10_000)), columns: 10);

        Assert.That(reduced.Single(p => p.Value < 0).Flagged, Is.True);
    }
}
