using System.Text.Json.Serialization;

namespace Moci.Ingest.Health;

/// <summary>One sensor of a <see cref="StationHealth"/>.</summary>
/// <param name="Name">The sensor's name in the station's configuration.</param>
/// <param name="Type">Its driver, for example <c>bme280</c> or <c>sds011</c>.</param>
/// <param name="State">
/// <c>ok</c> (its last read gave values, or it is warming up), <c>missing</c> (it cannot be opened) or <c>failing</c>
/// (opened, but its last read failed); other words are kept as sent.
/// </param>
/// <param name="LastError">The last error the station met with it, kept after a recovery; null when none.</param>
/// <param name="LastErrorAt">When that error happened, by the station's clock.</param>
/// <param name="LastSampleAt">When it last gave values, by the station's clock; null before the first.</param>
public sealed record SensorHealth(
    string Name,
    string Type,
    string State,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastSampleAt)
{
    /// <summary>The state of a sensor that cannot be opened.</summary>
    public const string Missing = "missing";

    /// <summary>The state of a sensor whose last read failed.</summary>
    public const string Failing = "failing";

    /// <summary>Whether the sensor gives no values now: it is missing or failing.</summary>
    [JsonIgnore]
    public bool IsFaulty => State is Missing or Failing;
}
