using System.Globalization;
using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Start-up checks of the analogue probes' own settings: the ADS1115's gain and the voltage divider, each probe's
/// calibration in the shape its driver takes, and the water temperature a conductivity probe is compensated with.
/// Each problem names its setting and says how to fix it. Thread-safe: stateless.
/// </summary>
internal static class AnalogProbeChecks
{
    /// <summary>The ADS1115's full-scale ranges in volts (datasheet SBAS444, table 3), the default first.</summary>
    public static readonly IReadOnlyList<double> Gains = [4.096, 6.144, 2.048, 1.024, 0.512, 0.256];

    /// <summary>The largest divider ratio taken: beyond it the probe's signal is lost in the converter's noise.</summary>
    public const double MaxDividerRatio = 10;

    /// <summary>The gain of <paramref name="options"/>, or the default.</summary>
    public static double GainOf(SensorOptions options) => options.Gain ?? Gains[0];

    /// <summary>Checks the gain and the divider ratio.</summary>
    public static void CheckInput(SensorListValidator.Where at, List<string> failures)
    {
        var s = at.Options;
        if (s.Gain is { } gain && !Gains.Contains(gain))
        {
            failures.Add($"{at.Key("gain")} ({at.Sensor}): {Number(gain)} is not a full-scale range of the ADS1115; use one of " +
                         $"{string.Join(", ", Gains.Order().Select(Number))} (volts; 4.096 covers a 0–3.3 V probe).");
        }

        if (s.DividerRatio is { } ratio && !(ratio is >= 1 and <= MaxDividerRatio))
        {
            failures.Add($"{at.Key("dividerRatio")} ({at.Sensor}): {Number(ratio)} is not a divider ratio; it is the probe's voltage over the input's, " +
                         $"1 without a divider (1.5 for 10 kΩ from the probe to the input and 20 kΩ from the input to GND), at most {Number(MaxDividerRatio)}.");
        }
    }

    /// <summary>Checks the calibration of a pH, turbidity or conductivity probe.</summary>
    public static void CheckCalibration(SensorListValidator.Where at, SensorType type, List<string> failures)
    {
        var calibration = at.Options.Calibration;
        var key = at.Key("calibration");
        if (calibration is null)
        {
            failures.Add($"{key} ({at.Sensor}) is missing; a {type.Name} probe needs its calibration, e.g. {Example(type)}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(calibration.Id))
        {
            failures.Add($"{key}:id ({at.Sensor}) is missing; name the calibration (what, points, date), e.g. \"{type.Name}-2026-11-20\": every reading carries it.");
        }

        var given = new (string Setting, bool Set, SensorType Takes)[]
        {
            ("points", calibration.Points.Count > 0, SensorTypes.Ph),
            ("clearWaterVolts", calibration.ClearWaterVolts is not null, SensorTypes.Turbidity),
            ("bufferVolts", calibration.BufferVolts is not null, SensorTypes.Conductivity),
            ("bufferMicrosiemens", calibration.BufferMicrosiemens is not null, SensorTypes.Conductivity),
            ("bufferCelsius", calibration.BufferCelsius is not null, SensorTypes.Conductivity),
            ("cellConstant", calibration.CellConstant is not null, SensorTypes.Conductivity),
            ("tdsFactor", calibration.TdsFactor is not null, SensorTypes.Conductivity),
            ("temperatureCoefficient", calibration.TemperatureCoefficient is not null, SensorTypes.Conductivity),
        };
        var misplaced = false;
        foreach (var (setting, set, takes) in given)
        {
            if (set && takes != type)
            {
                misplaced = true;
                failures.Add($"{key}:{setting} ({at.Sensor}): a {type.Name} calibration does not take {setting}, only a {takes.Name} one does; " +
                             $"a {type.Name} calibration is e.g. {Example(type)}.");
            }
        }

        if (misplaced)
        {
            // The calibration was written for another kind of probe: what else is missing follows from that.
            return;
        }

        if (type == SensorTypes.Ph)
        {
            CheckPh(at, key, calibration, failures);
        }
        else if (type == SensorTypes.Turbidity)
        {
            CheckTurbidity(at, key, calibration, failures);
        }
        else
        {
            CheckConductivity(at, key, calibration, failures);
        }
    }

    /// <summary>
    /// Checks where a conductivity probe's water temperature comes from: the name of a DS18B20 listed before it, or a
    /// fixed temperature.
    /// </summary>
    public static void CheckWaterTemperature(SensorListValidator.Where at, IReadOnlyList<SensorOptions> sensors, List<string> failures)
    {
        var s = at.Options;
        if (s.TemperatureSensor is null && s.FixedWaterCelsius is null)
        {
            failures.Add($"{at.Key("temperatureSensor")} ({at.Sensor}) is missing; conductivity is compensated to 25 °C with the water's temperature: " +
                         "give the name of the DS18B20 in the same water (\"temperatureSensor\": \"water-temp\"), or a fixed temperature (\"fixedWaterCelsius\": 15).");
            return;
        }

        if (s.TemperatureSensor is not null && s.FixedWaterCelsius is not null)
        {
            failures.Add($"{at.Key("fixedWaterCelsius")} ({at.Sensor}): give temperatureSensor or fixedWaterCelsius, not both; remove fixedWaterCelsius to use the thermometer.");
            return;
        }

        if (s.FixedWaterCelsius is { } celsius && !(celsius is >= 0 and <= 40))
        {
            failures.Add($"{at.Key("fixedWaterCelsius")} ({at.Sensor}): {Number(celsius)} °C is not a river's temperature; give 0–40 °C, or a DS18B20 as temperatureSensor.");
        }

        if (s.TemperatureSensor is not { } name)
        {
            return;
        }

        var index = -1;
        for (var i = 0; i < sensors.Count; i++)
        {
            if (string.Equals(sensors[i].DisplayName, name, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
                break;
            }
        }

        var thermometers = sensors.Take(at.Index)
            .Where(o => string.Equals(o.Type, SensorTypes.Ds18b20.Name, StringComparison.OrdinalIgnoreCase))
            .Select(o => $"'{o.DisplayName}'")
            .ToList();
        var listed = thermometers.Count == 0 ? "none is listed before it" : "listed before it: " + string.Join(", ", thermometers);
        if (index < 0)
        {
            failures.Add($"{at.Key("temperatureSensor")} ({at.Sensor}): there is no sensor named '{name}'; give the name of a ds18b20 ({listed}), or use fixedWaterCelsius.");
        }
        else if (!string.Equals(sensors[index].Type, SensorTypes.Ds18b20.Name, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{at.Key("temperatureSensor")} ({at.Sensor}): '{name}' is a {sensors[index].Type}, not a ds18b20 in the water; give the name of a ds18b20 ({listed}).");
        }
        else if (index > at.Index)
        {
            failures.Add($"{at.Key("temperatureSensor")} ({at.Sensor}): the ds18b20 '{name}' is listed after this probe (sensors:{index}); " +
                         "move it before the probe, so that its temperature is known when the probe is read.");
        }
        else if (s.Enabled && !sensors[index].Enabled)
        {
            failures.Add($"{at.Key("temperatureSensor")} ({at.Sensor}): the ds18b20 '{name}' is not enabled; enable it, or use fixedWaterCelsius.");
        }
    }

    private static void CheckPh(SensorListValidator.Where at, string key, CalibrationOptions calibration, List<string> failures)
    {
        var points = calibration.Points;
        if (points.Count is < 2 or > 3)
        {
            failures.Add($"{key}:points ({at.Sensor}): a ph calibration takes 2 or 3 buffers (was {points.Count}): measure the probe in pH 6.86 and pH 4.01 (and pH 9.18) buffer, " +
                         $"e.g. {Example(SensorTypes.Ph)}.");
            return;
        }

        var bad = false;
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            if (!double.IsFinite(point.Volts) || point.Volts < 0)
            {
                failures.Add($"{key}:points:{p}:volts ({at.Sensor}): {Number(point.Volts)} V is not a voltage a probe gives; give the voltage measured in the buffer.");
                bad = true;
            }

            if (!double.IsFinite(point.Ph) || point.Ph is < 0 or > 14)
            {
                failures.Add($"{key}:points:{p}:ph ({at.Sensor}): pH {Number(point.Ph)} is not between 0 and 14.");
                bad = true;
            }

            for (var q = 0; q < p; q++)
            {
                if (points[q].Volts == point.Volts)
                {
                    failures.Add($"{key}:points:{p}:volts ({at.Sensor}): points {q} and {p} have the same voltage, so they cannot tell values apart; measure each buffer again.");
                    bad = true;
                }
            }
        }

        if (!bad && (ToPh(calibration) with { Id = "check" }).Problems() is [_, ..])
        {
            failures.Add($"{key}:points ({at.Sensor}): the voltages do not rise or fall steadily with pH: a buffer was mislabelled or the probe had not settled; measure again.");
        }
    }

    private static void CheckTurbidity(SensorListValidator.Where at, string key, CalibrationOptions calibration, List<string> failures)
    {
        if (calibration.ClearWaterVolts is not { } volts)
        {
            failures.Add($"{key}:clearWaterVolts ({at.Sensor}) is missing; measure the probe in clear (tap or distilled) water and give its voltage " +
                         $"(the vendor's is {Number(TurbidityCalibration.VendorClearWaterVolts)}), e.g. {Example(SensorTypes.Turbidity)}.");
        }
        else if (!(volts is > 2.5 and <= 5.0))
        {
            failures.Add($"{key}:clearWaterVolts ({at.Sensor}): {Number(volts)} V is not a clear-water voltage; it is above 2.5 V and at most the probe's 5 V supply " +
                         "(give the probe's own voltage, before any divider; a lower one means a dirty window or a wrong dividerRatio).");
        }
    }

    private static void CheckConductivity(SensorListValidator.Where at, string key, CalibrationOptions calibration, List<string> failures)
    {
        var buffer = calibration.BufferVolts is not null || calibration.BufferMicrosiemens is not null || calibration.BufferCelsius is not null;
        if (calibration.CellConstant is not null && buffer)
        {
            failures.Add($"{key}:cellConstant ({at.Sensor}): give a buffer measurement (bufferVolts) or a cellConstant, not both; remove cellConstant to use the buffer.");
            return;
        }

        if (calibration.CellConstant is null && calibration.BufferVolts is null)
        {
            failures.Add($"{key}:bufferVolts ({at.Sensor}) is missing; measure the probe in a conductivity buffer (1413 µS/cm) and give its voltage and the buffer's temperature, " +
                         $"e.g. {Example(SensorTypes.Conductivity)}, or give the cellConstant of an earlier calibration.");
            return;
        }

        if (calibration.BufferVolts is { } volts && !(volts is > 0 and <= 3.3))
        {
            failures.Add($"{key}:bufferVolts ({at.Sensor}): {Number(volts)} V is not what the probe gives in a buffer; it is above 0 and at most 3.3 V (the probe gives 0–2.3 V). " +
                         "Check that the probe is in the buffer and its board is powered.");
            return;
        }

        if (calibration.BufferMicrosiemens is { } microsiemens && !(microsiemens is >= 100 and <= 20000))
        {
            failures.Add($"{key}:bufferMicrosiemens ({at.Sensor}): {Number(microsiemens)} µS/cm is not a conductivity buffer; give the one printed on its bottle at 25 °C (1413 is usual).");
            return;
        }

        if (calibration.BufferCelsius is { } celsius && !(celsius is >= 0 and <= 40))
        {
            failures.Add($"{key}:bufferCelsius ({at.Sensor}): {Number(celsius)} °C is not a buffer's temperature; give what a thermometer in the buffer showed, 0–40 °C.");
            return;
        }

        var converted = ToConductivity(calibration);
        if (!(converted.CellConstant is >= 0.5 and <= 2))
        {
            failures.Add(calibration.CellConstant is not null
                ? $"{key}:cellConstant ({at.Sensor}): {Number(converted.CellConstant)} is not a cell constant; it is 0.5–2 (usually 0.8–1.2)."
                : $"{key}:bufferVolts ({at.Sensor}): {Number(calibration.BufferVolts!.Value)} V in a {Number(calibration.BufferMicrosiemens ?? 1413)} µS/cm buffer gives a cell constant of " +
                  $"{converted.CellConstant.ToString("0.##", CultureInfo.InvariantCulture)}, outside 0.5–2: the probe is dirty or broken, the buffer was wrong, or the probe had not settled; measure again.");
        }

        if (!(converted.TdsFactor is > 0 and <= 1))
        {
            failures.Add($"{key}:tdsFactor ({at.Sensor}): {Number(converted.TdsFactor)} is not a TDS factor; it is above 0 and at most 1 (0.5 is usual).");
        }

        if (!(converted.TemperatureCoefficient is >= 0 and <= 0.05))
        {
            failures.Add($"{key}:temperatureCoefficient ({at.Sensor}): {Number(converted.TemperatureCoefficient)} per kelvin is not between 0 and 0.05; 0.02 (2 %/K) suits most natural waters.");
        }
    }

    /// <summary>The pH driver's calibration from a checked configuration.</summary>
    public static PhCalibration ToPh(CalibrationOptions calibration) =>
        new(calibration.Id ?? "", [.. calibration.Points.Select(p => new PhCalibrationPoint(p.Volts, p.Ph))]);

    /// <summary>The turbidity driver's calibration from a checked configuration.</summary>
    public static TurbidityCalibration ToTurbidity(CalibrationOptions calibration) =>
        new(calibration.Id ?? "", calibration.ClearWaterVolts ?? TurbidityCalibration.VendorClearWaterVolts);

    /// <summary>
    /// The conductivity driver's calibration from a checked configuration: the cell constant that makes the buffer read
    /// as its conductivity (with the configured TDS factor and temperature coefficient), or the cell constant given.
    /// </summary>
    public static ConductivityCalibration ToConductivity(CalibrationOptions calibration)
    {
        var vendor = new ConductivityCalibration(calibration.Id ?? "");
        var uncalibrated = vendor with
        {
            TdsFactor = calibration.TdsFactor ?? vendor.TdsFactor,
            TemperatureCoefficient = calibration.TemperatureCoefficient ?? vendor.TemperatureCoefficient,
        };
        return calibration.BufferVolts is { } volts
            ? uncalibrated with { CellConstant = (calibration.BufferMicrosiemens ?? 1413) / uncalibrated.ToMicrosiemensPerCentimetreAt25(volts, calibration.BufferCelsius ?? 25) }
            : uncalibrated with { CellConstant = calibration.CellConstant ?? 1 };
    }

    private static string Example(SensorType type) =>
        type == SensorTypes.Ph ? """{"id": "ph-2pt-2026-11-20", "points": [{"ph": 6.86, "volts": 2.03}, {"ph": 4.01, "volts": 1.52}]}"""
        : type == SensorTypes.Turbidity ? """{"id": "turbidity-2026-11-20", "clearWaterVolts": 4.15}"""
        : """{"id": "ec-2026-11-20", "bufferMicrosiemens": 1413, "bufferVolts": 1.05, "bufferCelsius": 21.5}""";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
