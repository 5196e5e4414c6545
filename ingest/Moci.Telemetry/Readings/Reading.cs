using Moci.Telemetry.Metrics;

namespace Moci.Telemetry.Readings;

/// <summary>
/// One measured value: which station, which metric, when (UTC instant), the value in the metric's
/// catalogue unit (<see cref="Metric.Unit"/>), and its QA flags.
/// </summary>
public sealed record Reading(string StationId, string Metric, DateTimeOffset Timestamp, double Value, QaFlags Flags = QaFlags.None);
