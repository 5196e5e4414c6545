namespace Moci.Telemetry.Metrics;

/// <summary>
/// A unit a station may send for a metric other than the metric's own unit, with the affine
/// conversion into the metric's unit: <c>value × Scale + Offset</c>.
/// </summary>
/// <param name="Unit">The SenML unit string as it appears in the <c>u</c> field.</param>
/// <param name="Scale">Multiplier into the metric's unit.</param>
/// <param name="Offset">Added after scaling (for example −273.15 for kelvin to degrees Celsius).</param>
public sealed record UnitAlias(string Unit, double Scale, double Offset = 0)
{
    /// <summary>Converts a value given in <see cref="Unit"/> into the metric's unit.</summary>
    public double ToMetricUnit(double value) => value * Scale + Offset;
}
