using Moci.Dashboard.Charts;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Tests.Charts;

public sealed class PeriodReducerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ChartPeriod Hour(int hour, double min, double max, double? mean) =>
        new(Start.AddHours(hour), Start.AddHours(hour + 1), min, max, mean, mean is null);

    [Test]
    public void Reduce_AYearOfHours_GivesAtMostOnePeriodPerColumnKeepingTheExtremes()
    {
        var year = new TimeRange(Start, Start.AddDays(365));
        var hours = Enumerable.Range(0, 365 * 24).Select(h => Hour(h, h == 5000 ? -3 : 10, h == 4000 ? 260 : 20, 15)).ToList();

        var reduced = PeriodReducer.Reduce(hours, year, 670);

        Assert.That(reduced, Has.Count.InRange(669, 671));
        Assert.That(reduced.Max(p => p.Max), Is.EqualTo(260), "a one-hour peak still shows");
        Assert.That(reduced.Min(p => p.Min), Is.EqualTo(-3));
        Assert.That(reduced.Select(p => p.Start), Is.Ordered);
    }

    [Test]
    public void Reduce_ColumnMostlyIncomplete_HasNoMeanAndIsIncomplete()
    {
        var day = new TimeRange(Start, Start.AddDays(1));
        ChartPeriod[] hours = [Hour(0, 1, 2, 1.5), Hour(1, 1, 2, null), Hour(2, 1, 2, null), Hour(3, 4, 6, 5), Hour(4, 4, 6, 6), Hour(5, 4, 6, null)];

        var reduced = PeriodReducer.Reduce(hours, new TimeRange(Start, Start.AddHours(6)), 2);

        Assert.That(reduced, Has.Count.EqualTo(2));
        Assert.That(reduced[0], Is.EqualTo(new ChartPeriod(Start, Start.AddHours(3), 1, 2, null, true)));
        Assert.That(reduced[1], Is.EqualTo(new ChartPeriod(Start.AddHours(3), Start.AddHours(6), 4, 6, 5.5, false)));
    }

    [Test]
    public void Reduce_FewerPeriodsThanColumns_KeepsThem()
    {
        ChartPeriod[] hours = [Hour(0, 1, 2, 1.5), Hour(7, 1, 3, null)];

        Assert.That(PeriodReducer.Reduce(hours, new TimeRange(Start, Start.AddDays(1)), 600), Is.SameAs(hours));
    }
}
