namespace Moci.Telemetry.Readings;

/// <summary>
/// Quality flags a reading carries. A flagged reading is kept and shown as flagged, never silently
/// dropped (ARCHITECTURE.md, Storage; check scheme of DOMAIN.md §4.2–4.3). Stored as an integer.
/// </summary>
[Flags]
public enum QaFlags
{
    None = 0,

    /// <summary>Outside the metric's plausible range (DOMAIN.md §4.1).</summary>
    OutOfRange = 1 << 0,

    /// <summary>The station sent a time relative to "now" (RFC 8428 §4.5.3), so the timestamp is the hub's guess.</summary>
    ClockSuspect = 1 << 1,

    /// <summary>
    /// The sender gives no time of its own (a Sensor.Community kit posting over HTTP), so the timestamp is
    /// the hub's arrival time; the kit measured during the sending interval before it (145 s by default).
    /// </summary>
    HubTimed = 1 << 2,
}
