using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors;

/// <summary>One value a sensor gave.</summary>
/// <param name="Metric">What it measures.</param>
/// <param name="Value">The value in <see cref="Metric.Unit"/>.</param>
/// <param name="Calibration">
/// For values computed from a calibration (pH, turbidity, conductivity): which one, e.g. <c>ph-2pt-2026-11-20</c>;
/// null otherwise.
/// </param>
public readonly record struct Measurement(Metric Metric, double Value, string? Calibration = null);
