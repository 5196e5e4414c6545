namespace Moci.Dashboard.Charts;

/// <summary>The time ranges the station page charts: the last day and the last week.</summary>
public sealed record ChartRange(string Key, string Label, TimeSpan Length)
{
    public static readonly ChartRange Day = new("24h", "Last 24 hours", TimeSpan.FromHours(24));
    public static readonly ChartRange Week = new("7d", "Last 7 days", TimeSpan.FromDays(7));

    public static IReadOnlyList<ChartRange> All { get; } = [Day, Week];

    public static ChartRange? Find(string? key) => All.FirstOrDefault(r => r.Key == key);
}
