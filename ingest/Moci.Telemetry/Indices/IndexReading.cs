namespace Moci.Telemetry.Indices;

/// <summary>
/// One pollutant's index at one time: the band and its colour, the averaging window, and the value that produced
/// it — or why there is none. Thread-safe: immutable.
/// </summary>
/// <param name="Scheme">The table used, for example <c>eaqi-2024</c> or <c>us-aqi-2024</c>.</param>
/// <param name="Metric">The metric, for example <c>pm2_5</c>.</param>
/// <param name="Status">Whether a band was found.</param>
/// <param name="Band">The band; <c>null</c> unless <paramref name="Status"/> is Ok or BeyondScale.</param>
/// <param name="Mean">Mean of the window's valid hourly means, in the metric's unit; <c>null</c> without enough data.</param>
/// <param name="Concentration">The value looked up in the table (for the US AQI: <paramref name="Mean"/> truncated).</param>
/// <param name="Value">The US AQI number (0–500); <c>null</c> for the EAQI, which has bands only, and beyond the AQI.</param>
/// <param name="Window">The averaging window used.</param>
/// <param name="Reason">Empty when Ok; otherwise why there is no band or no value, in words a student can act on.</param>
public sealed record IndexReading(
    string Scheme,
    string Metric,
    IndexStatus Status,
    IndexBand? Band,
    double? Mean,
    double? Concentration,
    int? Value,
    AveragingWindow Window,
    string Reason);
