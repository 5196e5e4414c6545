using System.Globalization;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Which values of a limit set a chart draws, and how they are labelled. The values themselves come from the tables of
/// <see cref="LimitSets"/>; only the words around them are here. Thread-safe: pure.
/// </summary>
public static class ChartLimits
{
    /// <summary>The <c>limits</c> value that draws no limit set.</summary>
    public const string None = "none";

    /// <summary>The names the chart API takes for <c>limits</c>, for messages.</summary>
    public static string Names { get; } = $"{LimitSets.KnownIds} or {None}";

    /// <summary>
    /// Reads <c>limits</c>: a set's id, <c>none</c>, or nothing for <paramref name="defaultId"/> (itself a set's id or
    /// <c>none</c>). <paramref name="set"/> is null for <c>none</c>.
    /// </summary>
    /// <returns>False when <paramref name="requested"/> names no limit set.</returns>
    public static bool TryResolve(string? requested, string defaultId, out LimitSet? set)
    {
        var id = string.IsNullOrWhiteSpace(requested) ? defaultId : requested.Trim().ToLowerInvariant();
        set = null;
        return id == None || LimitSets.TryGet(id, out set);
    }

    /// <summary>
    /// The values of <paramref name="set"/> drawn on a chart of <paramref name="metric"/>, as labelled lines: those over
    /// an hour, a day or eight hours, which a chart of readings, hours or days can be held against. An annual mean is
    /// not drawn: a line at 5 µg/m³ among hourly values would read as a threshold each hour crosses
    /// (see <see cref="NotDrawn"/>). Empty when the set has no value for the metric, or gives it in another unit.
    /// </summary>
    public static IReadOnlyList<ChartLimitLine> Lines(LimitSet? set, Metric metric) =>
        set is null
            ? []
            : [.. set.For(metric.Name).Where(v => Drawn(v.Period) && v.Unit == metric.Unit).Select(v => new ChartLimitLine(v.Threshold, Label(set, v)))];

    /// <summary>The values of <paramref name="set"/> for <paramref name="metric"/> that compare with a longer mean than a chart draws (a calendar year, a season).</summary>
    public static IReadOnlyList<LimitValue> NotDrawn(LimitSet? set, Metric metric) =>
        set is null ? [] : [.. set.For(metric.Name).Where(v => !Drawn(v.Period) && v.Unit == metric.Unit)];

    /// <summary>The set's name as a chart prints it: "WHO 2021", "EU 2008/50", "EU 2024/2881 (2030)".</summary>
    public static string ShortName(LimitSet set) => set.Id switch
    {
        "eu2008" => "EU 2008/50",
        "eu2030" => "EU 2024/2881 (2030)",
        "who2021" => "WHO 2021",
        _ => set.Id,
    };

    /// <summary>"WHO 2021 24-h guideline 15 µg/m³"; "EU 2008/50 24-h limit 50 µg/m³ (35 days a year allowed)".</summary>
    public static string Label(LimitSet set, LimitValue value)
    {
        var kind = value.Kind switch
        {
            LimitKind.GuidelineLevel => "guideline",
            LimitKind.InterimTarget => $"interim target {value.Level}",
            LimitKind.TargetValue => "target",
            _ => "limit",
        };
        var text = $"{ShortName(set)} {Period(value.Period)} {kind} {Number(value.Threshold)} {value.UnitSymbol}";

        // WHO's "3–4 days" is a percentile of its guideline, not an allowance in law: only the EU's counts are quoted.
        return value.PermittedExceedancesPerYear is { } permitted && value.Kind is LimitKind.LimitValue or LimitKind.TargetValue
            ? $"{text} ({permitted} {(value.Period == AveragingPeriod.OneHour ? "hours" : "days")} a year allowed)"
            : text;
    }

    /// <summary>"1-h", "24-h", "8-h", "annual", "peak-season".</summary>
    public static string Period(AveragingPeriod period) => period switch
    {
        AveragingPeriod.OneHour => "1-h",
        AveragingPeriod.OneDay => "24-h",
        AveragingPeriod.MaximumDailyEightHourMean => "8-h",
        AveragingPeriod.CalendarYear => "annual",
        AveragingPeriod.PeakSeason => "peak-season",
        _ => period.ToString(),
    };

    private static bool Drawn(AveragingPeriod period) =>
        period is AveragingPeriod.OneHour or AveragingPeriod.OneDay or AveragingPeriod.MaximumDailyEightHourMean;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
