namespace Moci.Bridge.Clock;

/// <summary>
/// The station's clock state: NTP when it has set the clock, else a GPS fix that agrees with it, else nothing.
/// Readings taken while it is not synchronised carry <c>ClockSuspect</c>; they keep their time (never restamped).
/// Thread-safe.
/// </summary>
internal sealed class StationClock(NtpClock ntp, GpsClock gps) : IClockSource
{
    public ClockState Current =>
        ntp.IsSynchronised ? new ClockState(ClockSource.Ntp, true)
        : gps.HasRecentFix ? new ClockState(ClockSource.Gps, gps.IsSynchronised)
        : ClockState.Unknown;
}
