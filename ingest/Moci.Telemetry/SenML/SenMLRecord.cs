namespace Moci.Telemetry.SenML;

/// <summary>
/// A resolved SenML record (RFC 8428 §4.6): base fields applied, full name, absolute time.
/// Exactly one of the value fields is set, or none when the record carries only a sum.
/// </summary>
/// <param name="Name">Base name and name concatenated.</param>
/// <param name="Unit">Unit string (from <c>u</c> or <c>bu</c>), or null when the pack gives none.</param>
/// <param name="Value">Numeric value (<c>v</c> plus <c>bv</c>).</param>
/// <param name="StringValue">String value (<c>vs</c>).</param>
/// <param name="BooleanValue">Boolean value (<c>vb</c>).</param>
/// <param name="DataValue">Octets of the data value (<c>vd</c>, base64url on the wire).</param>
/// <param name="Sum">Integrated sum (<c>s</c> plus <c>bs</c>), in the unit times seconds.</param>
/// <param name="Time">Absolute time, seconds since the Unix epoch (UTC, leap seconds excluded).</param>
/// <param name="UpdateTime">Longest expected wait for the next reading, seconds (<c>ut</c>).</param>
/// <param name="TimeWasRelative">
/// True when the pack gave a time below 2^28 s, meaning "relative to now" (RFC 8428 §4.5.3), and the
/// decoder resolved it against its own clock.
/// </param>
/// <param name="Qa">
/// The names in the record's <c>qa</c> field, a MOCI extension (wire protocol v1): quality flags the sender asserts
/// about this record, e.g. <c>clock_suspect</c>; null when the record has none. An extension label without a trailing
/// '_' may be ignored by other SenML receivers (RFC 8428 §4.4).
/// </param>
public sealed record SenMLRecord(
    string Name,
    string? Unit = null,
    double? Value = null,
    string? StringValue = null,
    bool? BooleanValue = null,
    byte[]? DataValue = null,
    double? Sum = null,
    double Time = 0,
    double? UpdateTime = null,
    bool TimeWasRelative = false,
    IReadOnlyList<string>? Qa = null)
{
    /// <summary>The record's time as a UTC instant, rounded to the millisecond.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The time lies outside the years 1–9999 (a pack may say anything); check with <see cref="SenMLTime.TryToInstant"/> first.
    /// </exception>
    public DateTimeOffset Timestamp => SenMLTime.ToInstant(Time);
}
