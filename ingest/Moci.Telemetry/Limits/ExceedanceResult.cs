namespace Moci.Telemetry.Limits;

/// <summary>
/// The count of hours or days above a short-term limit value in one calendar year, with the data coverage behind
/// it and whether that coverage is enough to compare with the limit. Thread-safe: immutable.
/// </summary>
/// <param name="Limit">The limit value compared with.</param>
/// <param name="Year">The calendar year of <paramref name="Calendar"/>.</param>
/// <param name="Calendar">Where the year's days began.</param>
/// <param name="Resolution">Hours (hourly limits) or days (daily and maximum daily 8-hour limits).</param>
/// <param name="Exceedances">Valid periods with a mean above the limit.</param>
/// <param name="Permitted">Periods the year may have above the limit; <c>null</c> when the source permits none.</param>
/// <param name="ExceedingPeriods">The periods counted in <paramref name="Exceedances"/>, in time order.</param>
/// <param name="IncompletePeriods">Periods present but below the completeness rule: not counted either way.</param>
/// <param name="ElapsedPeriods">Periods of the year that had ended at the time of the question.</param>
/// <param name="PeriodsInYear">Periods in the whole year: 365 or 366 days, 8760 or 8784 hours.</param>
/// <param name="CoverageSoFar">Valid periods of the elapsed periods, against the annual rule.</param>
/// <param name="CoverageOfYear">Valid periods of the whole year, against the annual rule.</param>
/// <param name="Verdict">What the count says about the limit.</param>
/// <param name="Explanation">The verdict in one sentence for people.</param>
public sealed record ExceedanceResult(
    LimitValue Limit,
    int Year,
    ReportingCalendar Calendar,
    AggregateResolution Resolution,
    int Exceedances,
    int? Permitted,
    IReadOnlyList<ExceedingPeriod> ExceedingPeriods,
    int IncompletePeriods,
    int ElapsedPeriods,
    int PeriodsInYear,
    CompletenessCheck CoverageSoFar,
    CompletenessCheck CoverageOfYear,
    LimitVerdict Verdict,
    string Explanation)
{
    /// <summary>Valid periods: those that met the completeness rule and were compared.</summary>
    public long ValidPeriods => CoverageOfYear.ValidCount;

    /// <summary>True when the valid periods are enough to compare with the limit (of the year so far, while it runs).</summary>
    public bool IsCoverageEnough => ElapsedPeriods < PeriodsInYear ? CoverageSoFar.IsComplete : CoverageOfYear.IsComplete;
}
