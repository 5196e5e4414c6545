namespace Moci.Bridge.Sensors.Water;

/// <summary>One buffer solution measured during a pH calibration.</summary>
/// <param name="Volts">The probe's output voltage in the buffer, in volts (before any divider, as the probe gives it).</param>
/// <param name="Ph">The buffer's pH at the temperature it was measured at (e.g. 4.00, 6.86 or 7.00, 9.18 or 10.01).</param>
internal readonly record struct PhCalibrationPoint(double Volts, double Ph);
