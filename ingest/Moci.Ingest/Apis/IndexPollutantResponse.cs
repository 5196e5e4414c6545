namespace Moci.Ingest.Apis;

/// <summary>The index bands of one metric of the station, with the hourly data behind them.</summary>
/// <param name="Metric">Metric name, for example <c>pm2_5</c>.</param>
/// <param name="Label">As printed, for example "PM2.5".</param>
/// <param name="Unit">The metric's unit, for example "µg/m³".</param>
/// <param name="Data">The readings read for the metric (the 24 whole hours before the window's end).</param>
/// <param name="Indices">One entry per scheme that applies to the metric.</param>
public sealed record IndexPollutantResponse(string Metric, string Label, string Unit, HourlyDataResponse Data, IReadOnlyList<IndexValueResponse> Indices);
