namespace Moci.Bridge.Configuration;

/// <summary>
/// A probe's calibration: measured points that map its voltage to a value, done with reference solutions. Every
/// reading computed with it carries its <see cref="Id"/>, so a value can be traced to the calibration behind it.
/// </summary>
internal sealed class CalibrationOptions
{
    /// <summary>Names the calibration, e.g. <c>ph-2pt-2026-11-20</c> (what, how many points, when).</summary>
    public string? Id { get; set; }

    /// <summary>The points: pH 2 or 3 (buffers such as 4.01, 6.86, 9.18), turbidity at least 2, conductivity at least 1.</summary>
    public List<CalibrationPoint> Points { get; set; } = [];

    /// <summary>Conductivity only: the change per kelvin that compensates to 25 °C, 0–0.1. Default 0.02 (2 %/K, usual for natural waters).</summary>
    public double? TemperatureCoefficient { get; set; }
}
