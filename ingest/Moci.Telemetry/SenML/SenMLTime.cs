using System.Globalization;

namespace Moci.Telemetry.SenML;

/// <summary>
/// SenML time arithmetic: seconds since the Unix epoch as doubles, millisecond resolution. A pack may carry
/// any finite number (RFC 8428 §4.5.3), far beyond what <see cref="DateTimeOffset"/> holds (years 1–9999),
/// so every conversion checks the range before it converts. Thread-safe: stateless.
/// </summary>
public static class SenMLTime
{
    /// <summary>
    /// 2^28 s: resolved times below this are relative to "now", times at or above it are absolute
    /// (RFC 8428 §4.5.3).
    /// </summary>
    public const double RelativeThreshold = 268_435_456;

    private static readonly double MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// Converts SenML seconds to a UTC instant, rounded to the nearest millisecond; false (and no exception)
    /// when <paramref name="seconds"/> is not finite or lies outside the years 1–9999.
    /// </summary>
    public static bool TryToInstant(double seconds, out DateTimeOffset instant)
    {
        // Infinity and NaN fail the comparison too; inside the range the cast to long is exact.
        var milliseconds = Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
        if (!(milliseconds >= MinMilliseconds && milliseconds <= MaxMilliseconds))
        {
            instant = default;
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }

    /// <summary>Converts SenML seconds to a UTC instant, rounded to the nearest millisecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is not finite or lies outside the years 1–9999.</exception>
    public static DateTimeOffset ToInstant(double seconds) => TryToInstant(seconds, out var instant)
        ? instant
        : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"SenML time {Describe(seconds)} cannot be held as an instant");

    /// <summary>Converts a UTC instant to SenML seconds (milliseconds kept as the fraction).</summary>
    public static double ToSeconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>
    /// A SenML time for people: ISO 8601 UTC with milliseconds when it is an instant of the years 1–9999,
    /// else the number of seconds as sent. Never throws.
    /// </summary>
    public static string Describe(double seconds) => TryToInstant(seconds, out var instant)
        ? Describe(instant)
        : seconds.ToString("R", CultureInfo.InvariantCulture) + " s since 1970-01-01T00:00:00Z (outside the years 1-9999)";

    /// <summary>An instant for people and logs: ISO 8601 UTC with milliseconds, for example <c>2026-11-25T12:00:00.000Z</c>.</summary>
    public static string Describe(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
