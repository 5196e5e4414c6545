using Moci.Telemetry.Readings;

namespace Moci.Ingest.Apis;

/// <summary>One reading in a range query.</summary>
/// <param name="Value">In the metric's unit; null when the stored value is not a finite number (see <see cref="FiniteOrNull"/>).</param>
public sealed record ReadingValue(DateTimeOffset Timestamp, double? Value, string[] Flags)
{
    public static ReadingValue From(Reading reading) => new(reading.Timestamp, FiniteOrNull(reading.Value), QaFlagNames.Of(reading.Flags));

    /// <summary>
    /// The value, or null when it is infinite or NaN. The intake refuses such values, but a database
    /// written by an earlier release may hold them, and JSON has no number for them (RFC 8259, section 6).
    /// </summary>
    public static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
