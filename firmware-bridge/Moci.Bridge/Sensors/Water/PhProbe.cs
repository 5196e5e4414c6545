using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// An analogue pH probe (e.g. DFRobot Gravity pH V2: 0–14 pH, ±0.1 at 25 °C) on an ADS1115 input. Each reading
/// carries the id of the <see cref="PhCalibration"/> it was computed with. A glass electrode drifts: calibrate it
/// again every few weeks, with a new id. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class PhProbe : ISensor, IRawSensor
{
    private readonly AnalogInput _input;
    private readonly PhCalibration _calibration;

    /// <summary>Creates the probe; nothing is read before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="input">Where it is wired; the converter is shared and not disposed with the probe.</param>
    /// <param name="calibration">Its calibration.</param>
    /// <exception cref="ArgumentException">The calibration has problems; the message names them.</exception>
    public PhProbe(string name, AnalogInput input, PhCalibration calibration)
    {
        if (calibration.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"pH probe '{name}', calibration '{calibration.Id}': " + string.Join(" ", problems), nameof(calibration));
        }

        Name = name;
        _input = input;
        _calibration = calibration;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<RawValue> LastRaw { get; private set; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Ph];

    /// <summary>Converts once: the pH, with the calibration's id.</summary>
    /// <exception cref="SensorException">The converter does not answer, or the voltage gives a pH outside 0–14.</exception>
    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var probe = $"pH probe '{Name}'";
        var volts = _input.ReadProbeVolts(probe);
        LastRaw = _input.Raw(volts);
        var ph = _calibration.ToPh(volts);
        if (ph is < 0 or > 14)
        {
            throw new SensorException(
                $"{probe} on {_input.Channel} of the ADS1115 on {_input.Converter.Where}: {volts:0.000} V is pH {ph:0.0} by calibration "
                + $"'{_calibration.Id}', outside 0–14. Check that the probe is plugged into its board and the board into the "
                + "input, and that the probe is in water; if it is, calibrate it again.");
        }

        return ValueTask.FromResult<IReadOnlyList<Measurement>>([new(MetricCatalogue.Ph, ph, _calibration.Id)]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The converter is shared with the other probes on it; whoever created it disposes it.
    }
}
