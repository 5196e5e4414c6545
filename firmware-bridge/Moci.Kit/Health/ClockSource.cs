namespace Moci.Kit.Health;

/// <summary>What set the station's clock, as its health report says it (<c>clock.source</c>, the member's name in lower case).</summary>
internal enum ClockSource
{
    /// <summary>Nothing known: the clock may be anywhere (a Pi has no battery clock and starts from its last shutdown).</summary>
    None,

    /// <summary>NTP, through systemd-timesyncd, chrony or ntpd.</summary>
    Ntp,

    /// <summary>A GPS receiver's time.</summary>
    Gps,

    /// <summary>
    /// The clock of the machine the station runs on, taken as it is: a simulated station, which runs in the hub's
    /// process or beside it and stamps its readings with that machine's time. A real station never reports it.
    /// </summary>
    System,
}
