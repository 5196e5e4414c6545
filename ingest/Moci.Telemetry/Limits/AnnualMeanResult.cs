namespace Moci.Telemetry.Limits;

/// <summary>
/// A calendar year's mean compared with an annual limit value, with the data coverage behind it.
/// Thread-safe: immutable.
/// </summary>
/// <param name="Limit">The annual limit value compared with.</param>
/// <param name="Year">The calendar year of <paramref name="Calendar"/>.</param>
/// <param name="Calendar">Where the year began.</param>
/// <param name="Resolution">What the mean was built from: hourly means (the directive's first choice) or daily means.</param>
/// <param name="Mean">Mean of the valid periods' means, in the limit's unit; <c>null</c> without any.</param>
/// <param name="IncompletePeriods">Periods present but below the completeness rule, left out of the mean.</param>
/// <param name="ElapsedPeriods">Periods of the year that had ended at the time of the question.</param>
/// <param name="PeriodsInYear">Periods in the whole year.</param>
/// <param name="CoverageSoFar">Valid periods of the elapsed periods, against the annual rule.</param>
/// <param name="CoverageOfYear">Valid periods of the whole year, against the annual rule.</param>
/// <param name="Verdict">What the mean says about the limit.</param>
/// <param name="Explanation">The verdict in one sentence for people.</param>
public sealed record AnnualMeanResult(
    LimitValue Limit,
    int Year,
    ReportingCalendar Calendar,
    AggregateResolution Resolution,
    double? Mean,
    int IncompletePeriods,
    int ElapsedPeriods,
    int PeriodsInYear,
    CompletenessCheck CoverageSoFar,
    CompletenessCheck CoverageOfYear,
    LimitVerdict Verdict,
    string Explanation)
{
    /// <summary>Valid periods in the mean.</summary>
    public long ValidPeriods => CoverageOfYear.ValidCount;

    /// <summary>True when the valid periods are enough to compare with the limit (of the year so far, while it runs).</summary>
    public bool IsCoverageEnough => ElapsedPeriods < PeriodsInYear ? CoverageSoFar.IsComplete : CoverageOfYear.IsComplete;
}
