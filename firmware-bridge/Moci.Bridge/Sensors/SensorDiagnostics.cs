using System.Globalization;
using Moci.Bridge.Sensors.Bus;
using Moci.Bridge.Sensors.Gps;

namespace Moci.Bridge.Sensors;

/// <summary>
/// What a driver can say about its sensor beyond its values, for the station's health report and
/// <c>moci-bridge check</c>. A failed read says whether the sensor is missing or failing through
/// <see cref="SensorException.DeviceMissing"/>; this adds what the driver has counted. Thread-safe as the drivers'
/// counters are (read from another thread they may be a read behind).
/// </summary>
internal static class SensorDiagnostics
{
    /// <summary>
    /// Frame counts for a serial sensor (<c>1200 frames, 2 bad checksums, 35 bytes skipped, 30 discarded while warming
    /// up</c>), fix and satellites for a GPS (<c>fix, 9 satellites; …</c> or <c>no fix; …</c>); null for a sensor that
    /// counts nothing.
    /// </summary>
    public static string? Describe(ISensor sensor) => sensor switch
    {
        GpsSensor gps => (gps.HasFix
                ? $"fix, {gps.LastFix?.Satellites?.ToString(CultureInfo.InvariantCulture) ?? "?"} satellites"
                : "no fix")
            + $"; {gps.Counters}",
        ISerialSensor serial => serial.Counters.ToString(),
        _ => null,
    };
}
