using Moci.Ingest.Queries;

namespace Moci.Dashboard.Charts;

/// <summary>
/// What a chart draws and where it comes from: the readings themselves (<see cref="Points"/>), or hourly or daily
/// periods from the rollups (<see cref="Periods"/>), drawn as a band from lowest to highest valid value with a line
/// through the means.
/// </summary>
/// <param name="Resolution">Readings, hours or days.</param>
/// <param name="Points">For <see cref="Resolution.Raw"/>: the readings, oldest first, flagged ones marked; otherwise empty.</param>
/// <param name="Periods">For hours or days: the periods that hold a valid value, oldest first; otherwise empty.</param>
/// <param name="Readings">How many readings the chart stands for, valid or not.</param>
/// <param name="FlaggedNotDrawn">
/// Flagged readings the chart cannot show: the rollups keep only valid values, so at hours or days flagged readings
/// are counted, not drawn. Zero for readings, which draw their flagged points.
/// </param>
public sealed record ChartSeries(Resolution Resolution, IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartPeriod> Periods, long Readings, long FlaggedNotDrawn)
{
    /// <summary>Readings to draw one by one.</summary>
    public static ChartSeries FromReadings(IReadOnlyList<ChartPoint> points, long readings) =>
        new(Resolution.Raw, points, [], readings, 0);

    /// <summary>Hourly or daily periods: each with a valid value becomes a band and, when complete, a mean.</summary>
    public static ChartSeries FromPeriods(SeriesPeriods periods)
    {
        var drawn = new List<ChartPeriod>(periods.Periods.Count);
        foreach (var period in periods.Periods)
        {
            if (period is { Min: { } min, Max: { } max })
            {
                drawn.Add(new ChartPeriod(period.Start, period.End, min, max, period.Incomplete ? null : period.Mean, period.Incomplete));
            }
        }

        return new ChartSeries(
            periods.Resolution,
            [],
            drawn,
            periods.Periods.Sum(p => p.Count),
            periods.Periods.Sum(p => p.Count - p.ValidCount));
    }
}
