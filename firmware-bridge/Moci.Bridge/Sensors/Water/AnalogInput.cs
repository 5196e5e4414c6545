using Iot.Device.Ads1115;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// Where an analogue probe is wired: an input of a shared <see cref="Ads1115Converter"/>, and the voltage divider (if
/// any) between the probe and the input. Thread-safe as the converter is.
/// </summary>
internal sealed class AnalogInput
{
    /// <summary>Describes the input.</summary>
    /// <param name="converter">The converter; shared by the probes on it and disposed by whoever created it, not by the probes.</param>
    /// <param name="channel">The input, AIN0–AIN3.</param>
    /// <param name="dividerRatio">
    /// The probe's voltage over the voltage at the input: 1 without a divider, 1.5 for 10 kΩ from the probe to the
    /// input and 20 kΩ from the input to GND. At least 1.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dividerRatio"/> is below 1 or not a number.</exception>
    public AnalogInput(Ads1115Converter converter, InputMultiplexer channel, double dividerRatio = 1)
    {
        if (!(dividerRatio >= 1) || double.IsInfinity(dividerRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(dividerRatio), dividerRatio, "the divider ratio is the probe's voltage over the input's, so at least 1 (1 without a divider).");
        }

        Converter = converter;
        Channel = channel;
        DividerRatio = dividerRatio;
    }

    /// <summary>The converter.</summary>
    public Ads1115Converter Converter { get; }

    /// <summary>The input.</summary>
    public InputMultiplexer Channel { get; }

    /// <summary>The probe's voltage over the input's.</summary>
    public double DividerRatio { get; }

    /// <summary>Converts once and gives the probe's output voltage, in volts (the divider undone).</summary>
    /// <param name="probe">The probe, e.g. <c>pH probe 'ph'</c>, for messages.</param>
    /// <exception cref="SensorException">The converter does not answer, or the input is at the top of its range.</exception>
    public double ReadProbeVolts(string probe) => Converter.ReadVolts(Channel, probe) * DividerRatio;

    /// <summary>
    /// The raw values of a conversion that gave <paramref name="probeVolts"/>: the probe's voltage (what calibrations are
    /// written in) and, behind a divider, the voltage at the input as the ADS1115 measured it.
    /// </summary>
    public IReadOnlyList<RawValue> Raw(double probeVolts) => DividerRatio == 1
        ? [new RawValue("probe", probeVolts, "V")]
        : [new RawValue("probe", probeVolts, "V"), new RawValue($"{Channel} input", probeVolts / DividerRatio, "V")];
}
