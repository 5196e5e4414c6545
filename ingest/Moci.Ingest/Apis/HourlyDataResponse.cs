namespace Moci.Ingest.Apis;

/// <summary>The hourly data behind a limit comparison or an index: what was read and how complete it was.</summary>
/// <param name="Source">Where the hourly means came from: <c>hourly rollups</c> of the store.</param>
/// <param name="From">Start of the range read, UTC.</param>
/// <param name="To">End of the range read (exclusive), UTC.</param>
/// <param name="Readings">Readings in the range, valid or not.</param>
/// <param name="ValidReadings">Of them, finite and not flagged as doubtful.</param>
/// <param name="SamplingIntervalSeconds">The series' typical interval (median gap of its newest readings), seconds; null with fewer than two.</param>
/// <param name="ExpectedPerHour">Readings a full hour holds at that interval (1 when it is unknown); 75 % of it makes an hour complete.</param>
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
    int CompleteHours);
