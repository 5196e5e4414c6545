namespace Moci.Ingest.Intake;

/// <summary>What one airrohr (Sensor.Community) JSON body holds once read against the metric catalogue.</summary>
/// <param name="ChipId">The kit's <c>esp8266id</c>, or null when the body has none.</param>
/// <param name="SoftwareVersion">The kit's <c>software_version</c>, for example <c>NRZ-2020-133</c>, or null.</param>
/// <param name="Values">Entries that map onto a metric, in the order sent, at most one per metric.</param>
/// <param name="Rejected">Entries of a known value type that cannot be stored (no number, or a second value of a metric).</param>
/// <param name="Ignored">
/// The value types the hub does not store (<c>samples</c>, <c>signal</c>, <c>GPS_lat</c>, …), each once, in the
/// order first sent.
/// </param>
/// <param name="IgnoredValues">How many entries were ignored (an ignored type sent twice counts twice).</param>
public sealed record AirrohrPayload(
    string? ChipId,
    string? SoftwareVersion,
    IReadOnlyList<AirrohrValue> Values,
    IReadOnlyList<AirrohrRejection> Rejected,
    IReadOnlyList<string> Ignored,
    int IgnoredValues);
