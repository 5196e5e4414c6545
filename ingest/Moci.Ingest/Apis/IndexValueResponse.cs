using Moci.Telemetry.Indices;

namespace Moci.Ingest.Apis;

/// <summary>
/// One index or band scheme applied to one metric at one time.
/// </summary>
/// <param name="Scheme">Id of the table: <c>eaqi-classic</c>, <c>eaqi-2024</c>, <c>us-aqi-2024</c>, <c>ph-fish-2006</c>, …</param>
/// <param name="Source">The table's edition or source, with its address.</param>
/// <param name="Status">Ok, NotEnoughData, BeyondScale or Invalid.</param>
/// <param name="Band">The band; null without enough data or for an invalid value.</param>
/// <param name="Aqi">The US AQI number (0–500); null for the other schemes and beyond the AQI.</param>
/// <param name="Mean">Mean of the window's complete hourly means, in the metric's unit.</param>
/// <param name="Value">The value looked up in the table (the US AQI's truncated concentration, a % saturation, …).</param>
/// <param name="ValueUnit">The unit of <paramref name="Value"/>.</param>
/// <param name="Window">The averaging window: name, [from, to), valid and required hours.</param>
/// <param name="Reason">Why there is no band or no number; empty when Ok.</param>
public sealed record IndexValueResponse(
    string Scheme,
    string Source,
    IndexStatus Status,
    IndexBandResponse? Band,
    int? Aqi,
    double? Mean,
    double? Value,
    string ValueUnit,
    AveragingWindow Window,
    string Reason)
{
    public static IndexValueResponse From(IndexReading reading, string source, string valueUnit) => new(
        reading.Scheme,
        source,
        reading.Status,
        IndexBandResponse.From(reading.Band),
        reading.Value,
        reading.Mean,
        reading.Concentration,
        valueUnit,
        reading.Window,
        reading.Reason);
}
