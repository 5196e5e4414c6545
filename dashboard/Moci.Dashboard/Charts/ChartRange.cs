using Moci.Telemetry.Time;

namespace Moci.Dashboard.Charts;

/// <summary>The ranges the station page offers, ending now; the chart API takes these and any other length or <c>from</c>/<c>to</c>.</summary>
/// <param name="Key">The <c>range</c> value: 24h, 7d, 30d, 1y (as <see cref="TimeRange.TryParseLast"/> reads it).</param>
/// <param name="Label">"Last 7 days".</param>
/// <param name="Button">"7 days": the page's button.</param>
public sealed record ChartRange(string Key, string Label, string Button)
{
    public static readonly ChartRange Day = new("24h", "Last 24 hours", "24 h");
    public static readonly ChartRange Week = new("7d", "Last 7 days", "7 days");
    public static readonly ChartRange Month = new("30d", "Last 30 days", "30 days");
    public static readonly ChartRange Year = new("1y", "Last year", "1 year");

    /// <summary>The ranges the station page offers, shortest first.</summary>
    public static IReadOnlyList<ChartRange> All { get; } = [Day, Week, Month, Year];

    /// <summary>The range with <paramref name="key"/> (case-insensitive), or null.</summary>
    public static ChartRange? Find(string? key) => All.FirstOrDefault(r => string.Equals(r.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The range ending at <paramref name="end"/>: a calendar year for <see cref="Year"/>, as the readings API counts it.</summary>
    public TimeRange Ending(DateTimeOffset end) =>
        TimeRange.TryParseLast(Key, end, out var range) ? range : throw new ArgumentOutOfRangeException(nameof(end), end, $"{Key} before {end:O} is before the earliest date there is");
}
