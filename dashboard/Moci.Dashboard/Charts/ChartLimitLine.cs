namespace Moci.Dashboard.Charts;

/// <summary>A limit value drawn across a chart.</summary>
/// <param name="Value">In the metric's unit.</param>
/// <param name="Label">What it is, with its averaging period: "WHO 2021 24-h guideline 15 µg/m³".</param>
public sealed record ChartLimitLine(double Value, string Label);
