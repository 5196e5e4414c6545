namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// How a DFRobot SEN0189-type turbidity probe's voltage becomes NTU: the vendor's curve NTU = −1120.4·V² + 5742.3·V −
/// 4352.9 for a probe powered from 5 V (DFRobot wiki, SEN0189 sample code), which gives 0 NTU at 4.2 V and 3000 NTU at
/// 2.5 V. Each probe gives a slightly different voltage in clear water: its own clear-water voltage scales the reading
/// onto the curve. The curve is uncalibrated against a turbidity standard: use it for trends and "clear / cloudy /
/// muddy", not for compliance. Thread-safe: immutable.
/// </summary>
/// <param name="Id">Names this calibration in every reading computed with it, e.g. <c>turbidity-2026-11-20</c>.</param>
/// <param name="ClearWaterVolts">The probe's voltage in clear (tap or distilled) water, in volts; 4.2 V is the vendor's.</param>
internal sealed record TurbidityCalibration(string Id, double ClearWaterVolts = TurbidityCalibration.VendorClearWaterVolts)
{
    /// <summary>The voltage the vendor's curve maps to 0 NTU, rounded as the vendor quotes it.</summary>
    public const double VendorClearWaterVolts = 4.2;

    /// <summary>The top of the vendor's curve, reached at 2.5 V; the sample code gives 3000 NTU for anything below.</summary>
    public const double MaximumNtu = 3000;

    // The curve's own root near 4.2 V, so that the clear-water voltage gives exactly 0 NTU.
    private const double CurveZeroVolts = 4.20025;

    /// <summary>What is wrong with this calibration; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("Id is empty: name the calibration (e.g. turbidity-2026-11-20) so that readings say which one they were computed with.");
        }

        if (!(ClearWaterVolts is > 2.5 and <= 5.0))
        {
            problems.Add($"ClearWaterVolts must be above 2.5 V and at most the probe's 5 V supply (was {ClearWaterVolts}): measure the probe in clear water.");
        }

        return problems;
    }

    /// <summary>The turbidity in NTU, 0–3000, for a probe voltage.</summary>
    /// <param name="volts">The probe's output voltage, in volts.</param>
    public double ToNtu(double volts)
    {
        var v = volts * CurveZeroVolts / ClearWaterVolts;
        if (v <= 2.5)
        {
            return MaximumNtu;
        }

        var ntu = -1120.4 * v * v + 5742.3 * v - 4352.9;
        return Math.Clamp(ntu, 0, MaximumNtu);
    }
}
