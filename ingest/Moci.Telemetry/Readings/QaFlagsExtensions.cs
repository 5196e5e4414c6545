namespace Moci.Telemetry.Readings;

/// <summary>What a set of QA flags says about a reading's quality.</summary>
public static class QaFlagsExtensions
{
    /// <summary>Flags that describe where a reading came from, not a doubt about its value.</summary>
    public const QaFlags Provenance = QaFlags.HubTimed;

    /// <summary>
    /// True when a flag casts doubt on the value (out of range, clock suspect, …); a reading that only carries
    /// <see cref="Provenance"/> flags, such as the arrival time of a Sensor.Community kit, is not suspect.
    /// </summary>
    public static bool IsSuspect(this QaFlags flags) => (flags & ~Provenance) != QaFlags.None;
}
