using Moci.Telemetry.Limits;

namespace Moci.Ingest.Apis;

/// <summary>The hourly data behind a limit comparison or an index: what was read and how complete it was.</summary>
/// <param name="Source">Where the hourly means came from: <c>raw</c> (readings averaged at query time).</param>
/// <param name="From">Start of the range read, UTC.</param>
/// <param name="To">End of the range read (exclusive), UTC.</param>
/// <param name="Readings">Readings in the range, valid or not.</param>
/// <param name="ValidReadings">Of them, finite and not flagged as doubtful.</param>
/// <param name="SamplingIntervalSeconds">Median spacing of the readings, seconds; null with fewer than two.</param>
/// <param name="ExpectedPerHour">Readings a complete hour holds at that interval.</param>
/// <param name="HoursWithReadings">Hours holding at least one reading.</param>
/// <param name="CompleteHours">Hours with at least 75 % of the expected readings valid.</param>
public sealed record HourlyDataResponse(
    string Source,
    DateTimeOffset From,
    DateTimeOffset To,
    long Readings,
    long ValidReadings,
    double? SamplingIntervalSeconds,
    int ExpectedPerHour,
    int HoursWithReadings,
    int CompleteHours)
{
    /// <summary>Describes <paramref name="aggregator"/>'s data and the hours built from it.</summary>
    public static HourlyDataResponse Of(HourlyAggregator aggregator, IReadOnlyList<PeriodAggregate> hours, DateTimeOffset from, DateTimeOffset to) => new(
        "raw",
        from,
        to,
        aggregator.ReadingCount,
        aggregator.ValidCount,
        aggregator.SamplingInterval?.TotalSeconds,
        hours.Count > 0 ? hours[0].ExpectedCount : HourlyAggregator.ExpectedPerHour(aggregator.SamplingInterval ?? TimeSpan.FromHours(1)),
        hours.Count,
        hours.Count(h => h.Mean is not null && CompletenessRules.HourlyMean.Check(h).IsComplete));
}
