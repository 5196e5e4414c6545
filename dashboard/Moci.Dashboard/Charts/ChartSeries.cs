using Moci.Ingest.Queries;

namespace Moci.Dashboard.Charts;

/// <summary>
/// What a chart draws: its points and where they come from. From hourly or daily rollups, each period gives its lowest
/// and highest valid value at its middle, so the line spans the band the period covered and a short peak still
/// shows; flagged readings are not in the rollups' range and never drive the scale.
/// </summary>
/// <param name="Resolution">Readings, hours or days.</param>
/// <param name="Points">Oldest first.</param>
/// <param name="Readings">How many readings the points stand for.</param>
public sealed record ChartSeries(Resolution Resolution, IReadOnlyList<ChartPoint> Points, long Readings)
{
    /// <summary>The points of hourly or daily periods: lowest and highest valid value at the middle of each period that has any.</summary>
    public static ChartSeries FromPeriods(SeriesPeriods periods)
    {
        var points = new List<ChartPoint>(2 * periods.Periods.Count);
        foreach (var period in periods.Periods)
        {
            if (period is { Min: { } min, Max: { } max })
            {
                var middle = period.Start + (period.End - period.Start) / 2;
                points.Add(new ChartPoint(middle, min));
                if (max != min)
                {
                    points.Add(new ChartPoint(middle, max));
                }
            }
        }

        return new ChartSeries(periods.Resolution, points, periods.Periods.Sum(p => p.Count));
    }
}
