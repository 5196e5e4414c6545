namespace Moci.Bridge.Clock;

/// <summary>
/// The time a GPS receiver gives with each fix, where there is no network for NTP. The bridge stamps readings with
/// the system clock, so a fix vouches for it only when the two agree (within <see cref="Tolerance"/>) and the fix is
/// recent (<see cref="MaxAge"/>). The GPS driver reports each fix with <see cref="Report"/>. Thread-safe.
/// </summary>
internal sealed class GpsClock(TimeProvider time)
{
    /// <summary>How far the system clock may be from the GPS time: NMEA sentences arrive up to about a second late.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    /// <summary>How long a fix vouches for the clock.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private (DateTimeOffset Gps, DateTimeOffset System)? _last;

    /// <summary>Records a fix: the UTC time the receiver gave, taken now.</summary>
    public void Report(DateTimeOffset gpsUtc)
    {
        lock (_lock)
        {
            _last = (gpsUtc, time.GetUtcNow());
        }
    }

    /// <summary>Whether a fix came within <see cref="MaxAge"/>.</summary>
    public bool HasRecentFix => Last() is { } last && time.GetUtcNow() - last.System <= MaxAge;

    /// <summary>True when a recent fix agrees with the system clock.</summary>
    public bool IsSynchronised => Last() is { } last && time.GetUtcNow() - last.System <= MaxAge && (last.Gps - last.System).Duration() <= Tolerance;

    private (DateTimeOffset Gps, DateTimeOffset System)? Last()
    {
        lock (_lock)
        {
            return _last;
        }
    }
}
