namespace Moci.Ingest.Apis;

/// <summary>
/// One station's metric compared with every value of a limit set for one calendar year.
/// </summary>
/// <param name="Station">Station id.</param>
/// <param name="Metric">Metric name, for example <c>pm10</c>.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Calendar">Where days and the year begin, for example "UTC+01:00".</param>
/// <param name="From">First instant of the year, UTC.</param>
/// <param name="To">End of the year (exclusive), UTC.</param>
/// <param name="AsOf">The time of the question; before <paramref name="To"/> the year is judged so far.</param>
/// <param name="Limits">The limit set and its source.</param>
/// <param name="Data">The hourly data behind every comparison.</param>
/// <param name="Values">One comparison per limit value of the set for the metric, in the set's order.</param>
public sealed record ExceedancesResponse(
    string Station,
    string Metric,
    int Year,
    string Calendar,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset AsOf,
    LimitSetResponse Limits,
    HourlyDataResponse Data,
    IReadOnlyList<LimitComparisonResponse> Values);
