namespace Moci.Dashboard.Charts;

/// <summary>A point to draw: a UTC instant, a value in the metric's unit, and whether QA flagged it.</summary>
public readonly record struct ChartPoint(DateTimeOffset Timestamp, double Value, bool Flagged = false);
