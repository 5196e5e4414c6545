namespace Moci.Telemetry.SenML;

/// <summary>SenML time arithmetic: seconds since the Unix epoch as doubles, millisecond resolution.</summary>
public static class SenMLTime
{
    /// <summary>
    /// 2^28 s: resolved times below this are relative to "now", times at or above it are absolute
    /// (RFC 8428 §4.5.3).
    /// </summary>
    public const double RelativeThreshold = 268_435_456;

    /// <summary>Converts SenML seconds to a UTC instant, rounded to the nearest millisecond.</summary>
    public static DateTimeOffset ToInstant(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));

    /// <summary>Converts a UTC instant to SenML seconds (milliseconds kept as the fraction).</summary>
    public static double ToSeconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / 1000.0;
}
