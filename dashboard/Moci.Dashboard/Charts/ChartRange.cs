namespace Moci.Dashboard.Charts;

/// <summary>The time ranges charts are drawn for, ending now: the station page shows <see cref="Page"/>, the SVG export takes <see cref="All"/>.</summary>
public sealed record ChartRange(string Key, string Label, TimeSpan Length)
{
    public static readonly ChartRange Day = new("24h", "Last 24 hours", TimeSpan.FromHours(24));
    public static readonly ChartRange Week = new("7d", "Last 7 days", TimeSpan.FromDays(7));
    public static readonly ChartRange Month = new("30d", "Last 30 days", TimeSpan.FromDays(30));
    public static readonly ChartRange Year = new("1y", "Last 365 days", TimeSpan.FromDays(365));

    public static IReadOnlyList<ChartRange> All { get; } = [Day, Week, Month, Year];

    /// <summary>The ranges drawn on the station page itself.</summary>
    public static IReadOnlyList<ChartRange> Page { get; } = [Day, Week];

    public static ChartRange? Find(string? key) => All.FirstOrDefault(r => r.Key == key);
}
