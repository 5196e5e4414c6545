using System.Collections.Frozen;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Air;
using Moci.Bridge.Sensors.Gps;
using Moci.Bridge.Sensors.Particulate;
using Moci.Bridge.Sensors.Water;
using Buses = Moci.Bridge.Sensors.Bus.SensorBus;

namespace Moci.Bridge.Sampling;

/// <summary>
/// Opens the driver of a configured sensor, by its <c>type</c>. The station's drivers are in <see cref="Station"/>;
/// tests give their own. Thread-safe: immutable.
/// </summary>
/// <param name="drivers">A factory per sensor type name (case-insensitive).</param>
internal sealed class SensorDrivers(IReadOnlyDictionary<string, Func<SensorOptions, ISensor>> drivers)
{
    /// <summary>
    /// The drivers this build carries: the air sensors on I2C, the PM sensors (continuous duty cycle), the DS18B20 and
    /// the GPS. The analogue probes on the ADS1115 (ph, turbidity, conductivity) are not wired to the configuration yet,
    /// so they report "no driver".
    /// </summary>
    public static SensorDrivers Station { get; } = new(new Dictionary<string, Func<SensorOptions, ISensor>>
    {
        [SensorTypes.Bme280.Name] = o => new Bme280Sensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Bme280))),
        [SensorTypes.Sht4x.Name] = o => new Sht4xSensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Sht4x))),
        [SensorTypes.Scd4x.Name] = o => new Scd4xSensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Scd4x))),
        [SensorTypes.Pms5003.Name] = o => new PlantowerSensor(o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Pms5003)), o.Port!, TimeProvider.System),
        [SensorTypes.Sds011.Name] = o => new Sds011Sensor(o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Sds011)), o.Port!, TimeProvider.System),
        [SensorTypes.Gps.Name] = o => new GpsSensor(o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Gps)), o.Port!, TimeProvider.System),
        [SensorTypes.Ds18b20.Name] = o => new Ds18b20Sensor(o.DisplayName, o.OneWireId, TimeProvider.System),
    });

    private readonly FrozenDictionary<string, Func<SensorOptions, ISensor>> _drivers = drivers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens the sensor <paramref name="options"/> describes.</summary>
    /// <exception cref="SensorException">There is no driver for its type, or the device cannot be opened; the message says what to check.</exception>
    public ISensor Open(SensorOptions options)
    {
        if (!_drivers.TryGetValue(options.Type, out var open))
        {
            throw new SensorException($"sensor '{options.DisplayName}': this build of moci-bridge has no driver for {options.Type}; install a newer release or set \"enabled\": false.");
        }

        try
        {
            return open(options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            throw new SensorException($"sensor '{options.DisplayName}' ({options.Type}) cannot be opened: {ex.Message}", ex);
        }
    }

    private static int Bus(SensorOptions options) => options.Bus ?? SensorListValidator.DefaultBus;

    /// <summary>The configured address, else the type's usual one (the configuration check has refused any other).</summary>
    private static int Address(SensorOptions options, SensorType type) =>
        I2cAddress.TryParse(options.Address, out var address) ? address : type.Addresses[0];

    private static int Baud(SensorOptions options, SensorType type) => options.Baud ?? type.Bauds[0];
}
