using System.Globalization;
using Moci.Ingest.Queries;
using Moci.Telemetry.Limits;

namespace Moci.Dashboard.Charts;

/// <summary>The words on a chart: its title and the footnote that lets an exported image stand on its own. Thread-safe: pure.</summary>
public static class ChartText
{
    /// <summary>"Rrogozhina high school roof · PM2.5 (µg/m³)" and, on a second line, the period in local time and what is drawn.</summary>
    public static string Title(ChartSubject subject, Resolution resolution, ChartCredits credits) =>
        $"{subject.StationName} · {subject.Metric.Label} ({subject.Metric.UnitSymbol})\n{Period(subject, credits)} · {Drawn(resolution)}";

    /// <summary>
    /// The period in the chart's time zone and culture: with clock times when it is shorter than three days
    /// ("25 Nov 2026 14:00 – 26 Nov 2026 14:00 Europe/Tirane"), otherwise dates ("26 Nov 2025 – 26 Nov 2026").
    /// </summary>
    public static string Period(ChartSubject subject, ChartCredits credits)
    {
        var format = subject.Range.Duration < TimeSpan.FromDays(3) ? "d MMM yyyy HH:mm" : "d MMM yyyy";
        var from = TimeZoneInfo.ConvertTime(subject.Range.From, credits.Zone).ToString(format, credits.Culture);
        var to = TimeZoneInfo.ConvertTime(subject.Range.To, credits.Zone).ToString(format, credits.Culture);
        return $"{from} – {to} {credits.Zone.Id}";
    }

    /// <summary>"readings", "hourly range (band) and mean (line)", "daily range (band) and mean (line)".</summary>
    public static string Drawn(Resolution resolution) => resolution switch
    {
        Resolution.Hour => "hourly range (band) and mean (line)",
        Resolution.Day => "daily range (band) and mean (line)",
        _ => "readings",
    };

    /// <summary>"Data: MOCI community stations · Licence: CC BY 4.0 creativecommons.org/licenses/by/4.0/".</summary>
    public static string Credit(ChartCredits credits)
    {
        var url = credits.LicenceUrl;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        return $"Data: {credits.Source} · Licence: {credits.Licence} {(schemeEnd < 0 ? url : url[(schemeEnd + 3)..])}";
    }

    /// <summary>"2 flagged readings above the scale, up to 950 µg/m³".</summary>
    public static string OffScale(int count, bool above, double extreme, ChartSubject subject) =>
        $"{Count(count, "flagged reading")} {(above ? "above" : "below")} the scale, {(above ? "up" : "down")} to {subject.Metric.Format(extreme)} {subject.Metric.UnitSymbol}";

    /// <summary>"3 flagged readings not drawn: hourly values use valid readings only".</summary>
    public static string FlaggedNotDrawn(long count, Resolution resolution) =>
        $"{Count(count, "flagged reading")} not drawn: {(resolution == Resolution.Day ? "daily" : "hourly")} values use valid readings only";

    /// <summary>"light band: incomplete hours (below 75 % of the hour's readings), no mean".</summary>
    public static string Incomplete(Resolution resolution) => resolution == Resolution.Day
        ? "light band: incomplete days (fewer than 18 complete hours), no mean"
        : "light band: incomplete hours (below 75 % of the hour's readings), no mean";

    /// <summary>"WHO 2021 annual guideline 5 µg/m³ is for a calendar-year mean: not drawn".</summary>
    public static string NotDrawn(LimitSet set, IReadOnlyList<LimitValue> values) =>
        $"{string.Join(", ", values.Select(v => ChartLimits.Label(set, v)))} {(values.Count == 1 ? "is" : "are")} for {(values.Count == 1 ? "a mean" : "means")} over a longer period: not drawn";

    /// <summary>
    /// The download name of a chart: station, metric and local period, e.g. <c>rrg-school-01_pm2_5_2025-11-26_2026-11-26.png</c>
    /// (with clock times, <c>2026-11-25T1400</c>, for periods shorter than three days).
    /// </summary>
    public static string FileName(ChartSubject subject, ChartCredits credits, string extension)
    {
        var format = subject.Range.Duration < TimeSpan.FromDays(3) ? "yyyy-MM-dd'T'HHmm" : "yyyy-MM-dd";
        var from = TimeZoneInfo.ConvertTime(subject.Range.From, credits.Zone).ToString(format, CultureInfo.InvariantCulture);
        var to = TimeZoneInfo.ConvertTime(subject.Range.To, credits.Zone).ToString(format, CultureInfo.InvariantCulture);
        return $"{subject.StationId}_{subject.Metric.Name}_{from}_{to}.{extension}";
    }

    private static string Count(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
