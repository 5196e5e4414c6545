using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// An analogue turbidity probe (DFRobot SEN0189 type, powered from 5 V: its output goes up to about 4.5 V, so it needs
/// a voltage divider before an ADS1115 powered from 3.3 V) on an ADS1115 input. Each reading carries the id of the
/// <see cref="TurbidityCalibration"/> it was computed with. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class TurbidityProbe : ISensor, IRawSensor
{
    // Below this the probe gives no light at all through clear water: unplugged, or its board unpowered.
    private const double NoSignalVolts = 0.1;

    private readonly AnalogInput _input;
    private readonly TurbidityCalibration _calibration;

    /// <summary>Creates the probe; nothing is read before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="input">Where it is wired, with its divider ratio; the converter is not disposed with the probe.</param>
    /// <param name="calibration">Its calibration.</param>
    /// <exception cref="ArgumentException">The calibration has problems; the message names them.</exception>
    public TurbidityProbe(string name, AnalogInput input, TurbidityCalibration calibration)
    {
        if (calibration.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"turbidity probe '{name}', calibration '{calibration.Id}': " + string.Join(" ", problems), nameof(calibration));
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
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Turbidity];

    /// <summary>Converts once: the turbidity in NTU, with the calibration's id.</summary>
    /// <exception cref="SensorException">The converter does not answer, or the probe gives no signal.</exception>
    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var probe = $"turbidity probe '{Name}'";
        var volts = _input.ReadProbeVolts(probe);
        LastRaw = _input.Raw(volts);
        if (volts < NoSignalVolts)
        {
            throw new SensorException(
                $"{probe} on {_input.Channel} of the ADS1115 on {_input.Converter.Where}: {volts:0.000} V, no signal. Check that the "
                + "probe is plugged into its board, the board has 5 V (pin 2 or 4), and its output goes through the divider to the input.",
                deviceMissing: true);
        }

        return ValueTask.FromResult<IReadOnlyList<Measurement>>([new(MetricCatalogue.Turbidity, _calibration.ToNtu(volts), _calibration.Id)]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The converter is shared with the other probes on it; whoever created it disposes it.
    }
}
