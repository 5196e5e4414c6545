namespace Moci.Bridge.Sensors.Gps;

/// <summary>
/// A position and time from a GPS receiver with a fix. Thread-safe: immutable.
/// </summary>
/// <param name="UtcTime">
/// The time of the fix by the satellites (the RMC sentence's date and time), UTC. The sentence leaves the receiver a
/// few hundred milliseconds after that second and waits in the serial buffer until it is read: as a clock it is good
/// to about a second, enough to know whether the station's clock can be trusted, not to discipline it finely.
/// </param>
/// <param name="LatitudeDegrees">WGS 84 latitude in decimal degrees, north positive, −90 … +90.</param>
/// <param name="LongitudeDegrees">WGS 84 longitude in decimal degrees, east positive, −180 … +180.</param>
/// <param name="Satellites">Satellites used for the fix (the GGA sentence of the same second), or null when none was seen.</param>
/// <param name="ReceivedAt">The station's clock (its <see cref="TimeProvider"/>) when the sentence was read.</param>
internal sealed record GpsFix(DateTimeOffset UtcTime, double LatitudeDegrees, double LongitudeDegrees, int? Satellites, DateTimeOffset ReceivedAt)
{
    /// <summary>How far the station's clock was behind the satellites' when this fix was read (negative: ahead).</summary>
    public TimeSpan ClockOffset => UtcTime - ReceivedAt;
}
