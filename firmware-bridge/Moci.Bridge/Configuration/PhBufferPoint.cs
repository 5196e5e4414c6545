namespace Moci.Bridge.Configuration;

/// <summary>One buffer solution of a pH calibration: its pH and what the probe gave in it.</summary>
internal sealed class PhBufferPoint
{
    /// <summary>The buffer's pH at the temperature it was measured at, 0–14 (e.g. 4.01, 6.86, 9.18).</summary>
    public double Ph { get; set; }

    /// <summary>The probe's output in volts in that buffer, as the probe gives it (before any voltage divider).</summary>
    public double Volts { get; set; }
}
