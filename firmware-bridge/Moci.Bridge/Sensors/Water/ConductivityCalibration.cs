namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// How a DFRobot Gravity TDS (SEN0244-type) probe's voltage becomes electrical conductivity at 25 °C and total dissolved
/// solids, as the vendor's GravityTDS library computes them: EC = K·(133.42·V³ − 255.86·V² + 857.39·V) µS/cm at the
/// water's temperature T, EC₂₅ = EC / (1 + α·(T − 25)) with α = 0.02 per °C (conductivity rises about 2 % per kelvin
/// in natural water), and TDS = EC₂₅ · factor with the factor 0.5 of a sodium-chloride-like solution. K is found by
/// measuring a buffer of known conductivity (<see cref="FromBuffer"/>; the vendor uses 1413 µS/cm). Thread-safe: immutable.
/// </summary>
/// <param name="Id">Names this calibration in every reading computed with it, e.g. <c>ec-2026-11-20</c>.</param>
/// <param name="CellConstant">K, the probe's correction of the vendor's curve; 1 uncalibrated, usually 0.8–1.2.</param>
/// <param name="TdsFactor">TDS per unit of EC₂₅ (mg/L per µS/cm); 0.5 as the vendor uses.</param>
/// <param name="TemperatureCoefficient">α, the relative change of conductivity per °C; 0.02 as the vendor uses.</param>
internal sealed record ConductivityCalibration(string Id, double CellConstant = 1, double TdsFactor = 0.5, double TemperatureCoefficient = 0.02)
{
    /// <summary>The calibration that makes <paramref name="volts"/> read as <paramref name="bufferMicrosiemensAt25"/>.</summary>
    /// <param name="id">The new calibration's name.</param>
    /// <param name="volts">The probe's voltage in the buffer.</param>
    /// <param name="celsius">The buffer's temperature during the measurement, in °C.</param>
    /// <param name="bufferMicrosiemensAt25">The buffer's conductivity at 25 °C; 1413 µS/cm is the usual one.</param>
    public static ConductivityCalibration FromBuffer(string id, double volts, double celsius, double bufferMicrosiemensAt25 = 1413)
    {
        var uncalibrated = new ConductivityCalibration(id);
        return uncalibrated with { CellConstant = bufferMicrosiemensAt25 / uncalibrated.ToMicrosiemensPerCentimetreAt25(volts, celsius) };
    }

    /// <summary>What is wrong with this calibration, each naming the setting; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("Id is empty: name the calibration (e.g. ec-2026-11-20) so that readings say which one they were computed with.");
        }

        if (!(CellConstant is >= 0.5 and <= 2))
        {
            problems.Add($"CellConstant must be 0.5–2 (was {CellConstant}): a probe that far off its curve is dirty or broken, or the buffer was wrong.");
        }

        if (!(TdsFactor is > 0 and <= 1))
        {
            problems.Add($"TdsFactor must be above 0 and at most 1 (was {TdsFactor}); 0.5 is usual.");
        }

        if (!(TemperatureCoefficient is >= 0 and <= 0.05))
        {
            problems.Add($"TemperatureCoefficient must be 0–0.05 per °C (was {TemperatureCoefficient}); 0.02 is usual.");
        }

        return problems;
    }

    /// <summary>Conductivity compensated to 25 °C, in µS/cm.</summary>
    /// <param name="volts">The probe's output voltage, in volts.</param>
    /// <param name="celsius">The water's temperature, in °C.</param>
    public double ToMicrosiemensPerCentimetreAt25(double volts, double celsius)
    {
        var atWaterTemperature = CellConstant * ((133.42 * volts - 255.86) * volts + 857.39) * volts;
        return atWaterTemperature / (1 + TemperatureCoefficient * (celsius - 25));
    }
}
