using System.Device.I2c;
using Iot.Device.Bmxx80;
using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Air;

/// <summary>
/// Bosch BME280 air temperature, relative humidity and pressure over I2C, through the <c>Iot.Device.Bmxx80</c>
/// binding. Each read is one forced-mode measurement with ×1 oversampling and the IIR filter off, the "weather
/// monitoring" setting of the BME280 datasheet (Bosch BST-BME280-DS002, §3.5.1): the chip sleeps between reads, so
/// it does not warm the air it measures. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
/// <param name="name">The configured name, for errors and health.</param>
/// <param name="device">The device at 0x76 (SDO to GND) or 0x77 (SDO to 3.3 V); disposed with the sensor.</param>
internal sealed class Bme280Sensor(string name, I2cDevice device) : ISensor
{
    private const byte ChipIdRegister = 0xD0;
    private const byte Bme280ChipId = 0x60;
    private const byte Bmp280ChipId = 0x58;
    private const byte DataRegisters = 0xF7;
    private const string AddressHint = "0x76 with SDO to GND, 0x77 with SDO to 3.3 V";

    private Bme280? _binding;

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Temperature, MetricCatalogue.Humidity, MetricCatalogue.Pressure];

    /// <summary>Measures once: temperature in °C, relative humidity in %RH and pressure in hPa.</summary>
    /// <exception cref="SensorException">No BME280 answers, or another chip does.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var bme = _binding ??= Open();

            // Set again before every measurement: a brown-out resets the chip to "measurement skipped", and the
            // binding would go on converting the skipped registers' reset value (0x80000) into plausible numbers.
            bme.TemperatureSampling = Iot.Device.Bmxx80.Sampling.UltraLowPower;
            bme.PressureSampling = Iot.Device.Bmxx80.Sampling.UltraLowPower;
            bme.HumiditySampling = Iot.Device.Bmxx80.Sampling.UltraLowPower;

            var result = await bme.ReadAsync();
            if (result.Temperature is not { } temperature || result.Pressure is not { } pressure || result.Humidity is not { } humidity
                || HoldsResetValues())
            {
                throw new SensorException(
                    $"BME280 '{name}' on {I2cFault.Where(device.ConnectionSettings)} gave no measurement: its data registers "
                    + "hold their reset values (the chip restarted, e.g. after a power dip). It is set up again on the next read; "
                    + "if this repeats, check its 3.3 V supply.");
            }

            return
            [
                new(MetricCatalogue.Temperature, temperature.DegreesCelsius),
                new(MetricCatalogue.Humidity, humidity.Percent),
                new(MetricCatalogue.Pressure, pressure.Hectopascals),
            ];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Opened afresh on the next read: reset, calibration read again, sampling set again.
            _binding = null;
            throw ex as SensorException ?? I2cFault.NoAnswer($"BME280 '{name}'", device.ConnectionSettings, AddressHint, ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The binding disposes the device it was given.
        if (_binding is not null)
        {
            _binding.Dispose();
        }
        else
        {
            device.Dispose();
        }
    }

    // A measurement that was skipped leaves the data registers at their reset values, 0x80000 for pressure and
    // temperature and 0x8000 for humidity (BME280 datasheet §5.4.7–5.4.9); the binding would convert them into
    // numbers that look like a measurement rather than an error.
    private bool HoldsResetValues()
    {
        Span<byte> data = stackalloc byte[8];
        device.WriteByte(DataRegisters);
        device.Read(data);
        var pressure = (data[0] << 12) | (data[1] << 4) | (data[2] >> 4);
        var temperature = (data[3] << 12) | (data[4] << 4) | (data[5] >> 4);
        var humidity = (data[6] << 8) | data[7];
        return pressure == 0x80000 || temperature == 0x80000 || humidity == 0x8000;
    }

    private Bme280 Open()
    {
        // The binding only says "unable to find a chip with id 96"; a BMP280 on the same breakout footprint is the
        // usual reason, and it has no humidity sensor.
        device.WriteByte(ChipIdRegister);
        var chipId = device.ReadByte();
        if (chipId != Bme280ChipId)
        {
            var found = chipId == Bmp280ChipId
                ? "a BMP280 (chip id 0x58), which measures no humidity: replace it by a BME280"
                : $"a chip with id 0x{chipId:X2}, not a BME280 (0x60): another device uses this address";
            throw new SensorException($"BME280 '{name}' on {I2cFault.Where(device.ConnectionSettings)}: found {found}.");
        }

        return new Bme280(device);
    }
}
