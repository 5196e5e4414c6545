namespace Moci.Bridge.Configuration;

/// <summary>One calibration point: what the probe gave in a reference solution, and the solution's known value.</summary>
internal sealed class CalibrationPoint
{
    /// <summary>The probe's output in volts at the ADS1115 input.</summary>
    public double Volts { get; set; }

    /// <summary>The reference value in the metric's unit: pH, NTU, or µS/cm at 25 °C.</summary>
    public double Value { get; set; }
}
