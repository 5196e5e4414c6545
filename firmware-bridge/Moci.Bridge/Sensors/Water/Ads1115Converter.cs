using System.Device.I2c;
using Iot.Device.Ads1115;
using Moci.Bridge.Sensors.Bus;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// One TI ADS1115 16-bit analogue-to-digital converter on I2C, through the <c>Iot.Device.Ads1115</c> binding, shared by
/// the probes wired to its four inputs. Each read is a single-shot conversion of the input asked for (the chip
/// powers down in between), so the probes never see each other's input selection. Thread-safe: conversions of
/// different probes are taken one at a time.
/// </summary>
/// <param name="device">The device at 0x48–0x4B; disposed with the converter.</param>
/// <param name="range">
/// The programmable gain's full-scale range; default ±4.096 V, which covers a probe's 0–3.3 V when the ADS1115 is
/// powered from 3.3 V (an input must never go above its supply).
/// </param>
internal sealed class Ads1115Converter(I2cDevice device, MeasuringRange range = MeasuringRange.FS4096) : IDisposable
{
    private const string AddressHint = "its ADDR pin sets it: GND 0x48, VDD 0x49, SDA 0x4A, SCL 0x4B";

    private readonly Lock _gate = new();
    private Ads1115? _binding;

    /// <summary>Where the converter is, for messages: <c>I2C bus 1 at 0x48</c>.</summary>
    public string Where => I2cFault.Where(device.ConnectionSettings);

    /// <summary>Converts one input once.</summary>
    /// <param name="input">A single-ended input (AIN0–AIN3), or a differential pair.</param>
    /// <param name="probe">The probe on it, e.g. <c>pH probe 'ph'</c>, for messages.</param>
    /// <returns>The voltage at the input pin, in volts.</returns>
    /// <exception cref="SensorException">The converter does not answer, or the input is at the top of the range.</exception>
    public double ReadVolts(InputMultiplexer input, string probe)
    {
        lock (_gate)
        {
            short raw;
            Ads1115 adc;
            try
            {
                adc = _binding ??= new Ads1115(device, input, range, DataRate.SPS128, DeviceMode.PowerDown);
                raw = adc.ReadRaw(input, range, DataRate.SPS128);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _binding = null;
                throw I2cFault.NoAnswer($"ADS1115 of {probe}", device.ConnectionSettings, AddressHint, ex);
            }

            if (raw == short.MaxValue)
            {
                throw new SensorException(
                    $"{probe}: input {input} of the ADS1115 on {Where} is at the top of its ±{adc.MaxVoltageFromMeasuringRange(range).Volts:0.###} V "
                    + "range: the probe gives more than the converter can measure. Put a voltage divider before the input "
                    + "(and configure its ratio), and never more than the ADS1115's supply voltage on an input.");
            }

            return adc.RawToVoltage(raw).Volts;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_binding is not null)
            {
                _binding.Dispose();
            }
            else
            {
                device.Dispose();
            }
        }
    }
}
