using System.Globalization;

namespace Moci.Telemetry.Limits;

/// <summary>The sentences the limit comparisons return to people.</summary>
internal static class LimitWording
{
    internal static string Explain(LimitVerdict verdict, string stated, LimitValue limit, YearCut year, CompletenessCheck soFar, CompletenessCheck whole)
    {
        var what = limit.Kind switch
        {
            LimitKind.TargetValue => "target value",
            LimitKind.GuidelineLevel => "guideline level",
            LimitKind.InterimTarget => $"interim target {limit.Level}",
            _ => "limit value",
        };
        var coverage = year.IsOver
            ? $"{whole.ValidCount} of {whole.ExpectedCount} {year.Unit} valid, {whole.RequiredCount} needed ({whole.Rule.Required})"
            : $"{soFar.ValidCount} of the {soFar.ExpectedCount} {year.Unit} up to {year.Cutoff:yyyy-MM-dd HH:mm}Z valid, " +
              $"{soFar.RequiredCount} needed ({soFar.Rule.Required})";
        return verdict switch
        {
            LimitVerdict.Exceeded => $"{stated}; {coverage}: the {what} is exceeded.",
            LimitVerdict.Met => $"{stated}; {coverage}: the {what} is met.",
            LimitVerdict.NotExceededSoFar => $"{stated}; {coverage}: not exceeded so far.",
            LimitVerdict.ExceededSoFar => $"{stated}; {coverage}: above the {what} so far.",
            _ => $"{stated}; {coverage}: too little data to compare with the {what}.",
        };
    }

    internal static string Period(AveragingPeriod period) => period switch
    {
        AveragingPeriod.OneHour => "1 hour",
        AveragingPeriod.OneDay => "1 day",
        AveragingPeriod.MaximumDailyEightHourMean => "maximum daily 8-hour mean",
        AveragingPeriod.CalendarYear => "calendar year",
        AveragingPeriod.PeakSeason => "peak season",
        _ => period.ToString(),
    };

    internal static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
