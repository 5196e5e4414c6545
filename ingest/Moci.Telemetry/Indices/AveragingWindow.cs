namespace Moci.Telemetry.Indices;

/// <summary>The hours an index value was averaged over, and how many of them were valid.</summary>
/// <param name="Name">What the window is, for example "24-hour running mean" or "1-hour mean".</param>
/// <param name="From">First instant of the window, UTC (inclusive).</param>
/// <param name="To">End of the window, UTC (exclusive).</param>
/// <param name="ValidHours">Hours in the window that met the hourly 75 % rule.</param>
/// <param name="RequiredHours">Valid hours the scheme needs in the window.</param>
public sealed record AveragingWindow(string Name, DateTimeOffset From, DateTimeOffset To, int ValidHours, int RequiredHours)
{
    /// <summary>Hours in the window.</summary>
    public int Hours => (int)(To - From).TotalHours;
}
