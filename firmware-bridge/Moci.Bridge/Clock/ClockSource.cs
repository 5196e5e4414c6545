namespace Moci.Bridge.Clock;

/// <summary>What set the station's clock.</summary>
internal enum ClockSource
{
    /// <summary>Nothing known: the clock may be anywhere (a Pi has no battery clock and starts from its last shutdown).</summary>
    None,

    /// <summary>NTP, through systemd-timesyncd, chrony or ntpd.</summary>
    Ntp,

    /// <summary>A GPS receiver's time.</summary>
    Gps,
}
