namespace Moci.Bridge.Configuration;

/// <summary>
/// A probe's calibration, done with reference solutions. Every reading computed with it carries its <see cref="Id"/>,
/// so a value can be traced to the calibration behind it. Which settings apply depends on the probe:
/// pH takes <see cref="Points"/>; turbidity <see cref="ClearWaterVolts"/>; conductivity either a buffer
/// (<see cref="BufferVolts"/>, <see cref="BufferMicrosiemens"/>, <see cref="BufferCelsius"/>) or a known
/// <see cref="CellConstant"/>, and optionally <see cref="TdsFactor"/> and <see cref="TemperatureCoefficient"/>.
/// Voltages are the probe's own output, before any voltage divider.
/// </summary>
internal sealed class CalibrationOptions
{
    /// <summary>Names the calibration, e.g. <c>ph-2pt-2026-11-20</c> (what, how many points, when).</summary>
    public string? Id { get; set; }

    /// <summary>pH only: two or three buffers (such as 4.01, 6.86, 9.18) and the probe's voltage in each.</summary>
    public List<PhBufferPoint> Points { get; set; } = [];

    /// <summary>Turbidity only: the probe's voltage in clear (tap or distilled) water, in volts, above 2.5 and at most 5; the vendor's is 4.2.</summary>
    public double? ClearWaterVolts { get; set; }

    /// <summary>Conductivity only: the probe's voltage in the conductivity buffer, in volts.</summary>
    public double? BufferVolts { get; set; }

    /// <summary>Conductivity only: the buffer's conductivity at 25 °C in µS/cm; default 1413, the usual buffer.</summary>
    public double? BufferMicrosiemens { get; set; }

    /// <summary>Conductivity only: the buffer's temperature while it was measured, in °C; default 25.</summary>
    public double? BufferCelsius { get; set; }

    /// <summary>Conductivity only, instead of a buffer: the probe's cell constant K from an earlier calibration, 0.5–2.</summary>
    public double? CellConstant { get; set; }

    /// <summary>Conductivity only: TDS in mg/L per µS/cm at 25 °C, above 0 and at most 1; default 0.5.</summary>
    public double? TdsFactor { get; set; }

    /// <summary>Conductivity only: the change per kelvin that compensates to 25 °C, 0–0.05. Default 0.02 (2 %/K, usual for natural waters).</summary>
    public double? TemperatureCoefficient { get; set; }
}
