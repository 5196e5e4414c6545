using Moci.Telemetry.Limits;

namespace Moci.Ingest.Apis;

/// <summary>
/// One limit value compared with a calendar year: for a one-hour, one-day or maximum daily 8-hour value, the
/// periods above it and the number permitted; for an annual value, the year's mean. Always with the coverage
/// behind it.
/// </summary>
/// <param name="Pollutant">As printed, for example "PM10".</param>
/// <param name="AveragingPeriod">"1 hour", "1 day", "maximum daily 8-hour mean" or "calendar year".</param>
/// <param name="Value">The limit value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">µg/m³ or mg/m³.</param>
/// <param name="Kind">Limit value, target value or WHO guideline level.</param>
/// <param name="Source">Document, annex and address the value was read from.</param>
/// <param name="Note">What the source attaches to the value (three-year averaging, a percentile); null when nothing.</param>
/// <param name="Counts">hours or days for short-term values; null for annual values.</param>
/// <param name="Exceedances">Periods above the value; null for annual values.</param>
/// <param name="Permitted">Periods permitted above it per calendar year; null when the source permits none or the value is annual.</param>
/// <param name="ExceedingPeriods">The periods above it, oldest first; empty for annual values.</param>
/// <param name="AnnualMean">The year's mean for annual values (null without valid data, and for short-term values).</param>
/// <param name="Coverage">The data behind the result.</param>
/// <param name="Verdict">Met, Exceeded, NotExceededSoFar, ExceededSoFar or InsufficientData.</param>
/// <param name="Explanation">The result in one sentence.</param>
public sealed record LimitComparisonResponse(
    string Pollutant,
    string AveragingPeriod,
    double Value,
    string Unit,
    LimitKind Kind,
    string Source,
    string? Note,
    string? Counts,
    int? Exceedances,
    int? Permitted,
    IReadOnlyList<ExceedingPeriodResponse> ExceedingPeriods,
    double? AnnualMean,
    CoverageResponse Coverage,
    LimitVerdict Verdict,
    string Explanation)
{
    public static LimitComparisonResponse From(ExceedanceResult result)
    {
        var length = PeriodAggregate.Length(result.Resolution);
        return new(
            result.Limit.Label,
            result.Limit.PeriodName,
            result.Limit.Threshold,
            result.Limit.UnitSymbol,
            result.Limit.Kind,
            result.Limit.Source,
            result.Limit.Note,
            UnitOf(result.Resolution),
            result.Exceedances,
            result.Permitted,
            [.. result.ExceedingPeriods.Select(p => new ExceedingPeriodResponse(p.Start, p.Start + length, p.Mean))],
            null,
            CoverageOf(result.Resolution, result.IncompletePeriods, result.ElapsedPeriods, result.PeriodsInYear, result.CoverageSoFar, result.CoverageOfYear, result.IsCoverageEnough),
            result.Verdict,
            result.Explanation);
    }

    public static LimitComparisonResponse From(AnnualMeanResult result) => new(
        result.Limit.Label,
        result.Limit.PeriodName,
        result.Limit.Threshold,
        result.Limit.UnitSymbol,
        result.Limit.Kind,
        result.Limit.Source,
        result.Limit.Note,
        null,
        null,
        null,
        [],
        result.Mean,
        CoverageOf(result.Resolution, result.IncompletePeriods, result.ElapsedPeriods, result.PeriodsInYear, result.CoverageSoFar, result.CoverageOfYear, result.IsCoverageEnough),
        result.Verdict,
        result.Explanation);

    private static CoverageResponse CoverageOf(
        AggregateResolution resolution, int incomplete, int elapsed, int inYear, CompletenessCheck soFar, CompletenessCheck whole, bool enough)
    {
        var check = elapsed < inYear ? soFar : whole;
        return new CoverageResponse(
            UnitOf(resolution),
            whole.ValidCount,
            incomplete,
            elapsed,
            inYear,
            check.ExpectedCount == 0 ? 0 : check.RequiredCount,
            check.Rule.Required.ToString(),
            elapsed == 0 ? 0 : Math.Min(1.0, (double)whole.ValidCount / elapsed),
            enough,
            check.Rule.Source);
    }

    private static string UnitOf(AggregateResolution resolution) => resolution == AggregateResolution.Hour ? "hours" : "days";
}
