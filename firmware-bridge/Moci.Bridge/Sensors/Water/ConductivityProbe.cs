using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// An analogue conductivity/TDS probe (DFRobot Gravity TDS, SEN0244 type: 0–1000 ppm, ±10 % of full scale at 25 °C,
/// output 0–2.3 V) on an ADS1115 input, compensated to 25 °C with the water temperature of a thermometer beside it
/// (or a fixed value). Gives conductivity at 25 °C in µS/cm and TDS in mg/L, both carrying the id of the
/// <see cref="ConductivityCalibration"/> they were computed with. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class ConductivityProbe : ISensor, IRawSensor
{
    private readonly AnalogInput _input;
    private readonly ConductivityCalibration _calibration;
    private readonly IWaterTemperatureSource _temperature;

    /// <summary>Creates the probe; nothing is read before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="input">Where it is wired; the converter is not disposed with the probe.</param>
    /// <param name="calibration">Its calibration.</param>
    /// <param name="temperature">The water temperature to compensate with: the DS18B20 in the same water, or a fixed value.</param>
    /// <exception cref="ArgumentException">The calibration has problems; the message names them.</exception>
    public ConductivityProbe(string name, AnalogInput input, ConductivityCalibration calibration, IWaterTemperatureSource temperature)
    {
        if (calibration.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"conductivity probe '{name}', calibration '{calibration.Id}': " + string.Join(" ", problems), nameof(calibration));
        }

        Name = name;
        _input = input;
        _calibration = calibration;
        _temperature = temperature;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<RawValue> LastRaw { get; private set; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Conductivity, MetricCatalogue.TotalDissolvedSolids];

    /// <summary>Converts once: conductivity at 25 °C in µS/cm and TDS in mg/L, with the calibration's id.</summary>
    /// <exception cref="SensorException">
    /// The converter does not answer, or no recent water temperature is known: an uncompensated value would be off by
    /// about 2 % per °C, so none is given.
    /// </exception>
    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var probe = $"conductivity probe '{Name}'";
        if (!_temperature.TryGetCelsius(out var celsius))
        {
            throw new SensorException(
                $"{probe}: no recent water temperature from {_temperature.Description} to compensate with. Read that "
                + "thermometer before this probe (and fix it if it fails), or configure a fixed water temperature.");
        }

        var volts = _input.ReadProbeVolts(probe);
        LastRaw = [.. _input.Raw(volts), new RawValue("water temperature", celsius, "°C")];
        var microsiemens = Math.Max(0, _calibration.ToMicrosiemensPerCentimetreAt25(volts, celsius));
        return ValueTask.FromResult<IReadOnlyList<Measurement>>(
        [
            new(MetricCatalogue.Conductivity, microsiemens, _calibration.Id),
            new(MetricCatalogue.TotalDissolvedSolids, microsiemens * _calibration.TdsFactor, _calibration.Id),
        ]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The converter is shared with the other probes on it; whoever created it disposes it.
    }
}
