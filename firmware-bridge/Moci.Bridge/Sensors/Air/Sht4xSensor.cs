using System.Device.I2c;
using Iot.Device.Sht4x;
using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Air;

/// <summary>
/// Sensirion SHT40/41/45 air temperature and relative humidity over I2C, through the <c>Iot.Device.Sht4x</c> binding,
/// at high repeatability (about 9 ms per measurement). Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
/// <param name="name">The configured name, for errors and health.</param>
/// <param name="device">The device at 0x44 (0x45 or 0x46 for the -B and -C parts); disposed with the sensor.</param>
internal sealed class Sht4xSensor(string name, I2cDevice device) : ISensor
{
    private const string AddressHint = "0x44 for the SHT4x-A parts, 0x45 for -B, 0x46 for -C; it is fixed by the part, not by a pin";

    private Sht4x? _binding;

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Temperature, MetricCatalogue.Humidity];

    /// <summary>Measures once: temperature in °C and relative humidity in %RH.</summary>
    /// <exception cref="SensorException">No SHT4x answers, or its answer fails its CRC.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // The binding's constructor sends a soft reset.
            var sht = _binding ??= new Sht4x(device);
            var (humidity, temperature) = await sht.ReadHumidityAndTemperatureAsync(Sht4xRepeatability.High);
            if (humidity is not { } rh || temperature is not { } t)
            {
                // Each value carries a CRC-8 (SHT4x datasheet, "Checksum Calculation"); the binding gives null where it does not match.
                throw new SensorException(
                    $"SHT4x '{name}' on {I2cFault.Where(device.ConnectionSettings)}: a measurement failed its CRC check. "
                    + "Noise on the bus: shorten the wires (under about 1 m for I2C) and check the SDA/SCL pull-ups.");
            }

            return [new(MetricCatalogue.Temperature, t.DegreesCelsius), new(MetricCatalogue.Humidity, rh.Percent)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _binding = null;
            throw ex as SensorException ?? I2cFault.NoAnswer($"SHT4x '{name}'", device.ConnectionSettings, AddressHint, ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
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
