namespace Moci.Bridge.Sensors;

/// <summary>One sensor's health, for the station's health report and <c>moci-bridge check</c>. Thread-safe: immutable.</summary>
/// <param name="Name">The sensor's configured name.</param>
/// <param name="State">Ok, missing or failing, by the last read.</param>
/// <param name="LastError">
/// The message of the last failed read (it names the sensor and says what to check), kept after the sensor recovers so
/// that an intermittent fault stays visible; null if no read has failed.
/// </param>
/// <param name="LastErrorAt">When the last read failed, by the station's clock; null if none has.</param>
/// <param name="LastValueAt">When the last read gave values, by the station's clock; null if none has.</param>
/// <param name="Reads">Reads since the bridge started.</param>
/// <param name="Failures">Failed reads since the bridge started.</param>
/// <param name="Detail">
/// What else the sensor can say about itself: frame counts for a serial sensor ("1200 frames, 2 bad checksums, …"),
/// fix and satellites for a GPS; null if nothing.
/// </param>
public sealed record SensorStatus(
    string Name,
    SensorState State,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastValueAt,
    long Reads,
    long Failures,
    string? Detail);
