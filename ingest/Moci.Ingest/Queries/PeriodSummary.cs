namespace Moci.Ingest.Queries;

/// <summary>
/// What one series measured in one UTC hour or day, with how complete that is. <see cref="Mean"/> is given only for
/// a complete period: an incomplete one keeps its counts, range and coverage, and <see cref="Incomplete"/> says why
/// it has no mean, so that it is never passed off as a valid average.
/// </summary>
/// <param name="Start">The first instant of the period (UTC, included).</param>
/// <param name="End">The end of the period (UTC, excluded).</param>
/// <param name="Mean">
/// In the metric's unit. An hour: the mean of its valid values. A day: the mean of its complete hours' means
/// (Directive 2008/50/EC, Annex XI: a 24-hour value from the hourly averages). Null when the period is incomplete.
/// </param>
/// <param name="Min">The lowest valid value in the period; null when none is valid.</param>
/// <param name="Max">The highest valid value in the period; null when none is valid.</param>
/// <param name="Count">Readings stored in the period, valid or not.</param>
/// <param name="ValidCount">Of them, those no QA flag casts doubt on.</param>
/// <param name="Coverage">
/// 0 … 1. An hour: its valid readings over those expected (capped at 1). A day: its complete hours over 24. Null for an
/// hour when the expected count is unknown (the series holds fewer than two readings).
/// </param>
/// <param name="ValidHours">For a day, its complete hours (0 … 24); null for an hour.</param>
/// <param name="Incomplete">True when the period misses its completeness rule (75 % of the hour, 18 complete hours of the day).</param>
public readonly record struct PeriodSummary(
    DateTimeOffset Start,
    DateTimeOffset End,
    double? Mean,
    double? Min,
    double? Max,
    long Count,
    long ValidCount,
    double? Coverage,
    int? ValidHours,
    bool Incomplete);
