using Moci.Ingest.Queries;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Apis;

/// <summary>
/// A series per UTC hour or day (<c>/api/v1/readings?resolution=hour|day</c>): the range asked for, widened to whole
/// periods, and one entry per period in which anything is stored.
/// </summary>
/// <param name="Resolution"><c>hour</c> or <c>day</c>.</param>
/// <param name="IntervalSeconds">The series' usual time between readings, in seconds (the median gap of its newest readings); null when unknown.</param>
/// <param name="ExpectedPerHour">Readings a complete hour holds (an hour over the interval); 75 % of them make an hourly mean. Null when unknown.</param>
public sealed record PeriodsResponse(
    string Station,
    string Metric,
    string Unit,
    DateTimeOffset From,
    DateTimeOffset To,
    string Resolution,
    double? IntervalSeconds,
    int? ExpectedPerHour,
    IReadOnlyList<PeriodSummary> Periods)
{
    public static PeriodsResponse Of(string station, Metric metric, SeriesPeriods periods) => new(
        station,
        metric.Name,
        metric.Unit,
        periods.Range.From,
        periods.Range.To,
        periods.Resolution.ToString().ToLowerInvariant(),
        periods.Interval?.TotalSeconds,
        periods.ExpectedPerHour,
        periods.Periods);
}
