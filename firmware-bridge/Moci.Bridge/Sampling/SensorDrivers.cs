using System.Collections.Frozen;
using System.Device.I2c;
using InputMultiplexer = Iot.Device.Ads1115.InputMultiplexer;
using MeasuringRange = Iot.Device.Ads1115.MeasuringRange;
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
    /// The drivers this build carries, for one station: the air sensors on I2C, the PM sensors with their duty cycle,
    /// the DS18B20, the GPS, and the pH, turbidity and conductivity probes on ADS1115 converters (shared by the probes
    /// on one converter; a conductivity probe is compensated with the DS18B20 its configuration names).
    /// </summary>
    /// <param name="openI2c">Opens the I2C device at (bus, address) of a probe's ADS1115; default the real bus.</param>
    /// <param name="oneWireFolder">Where the kernel lists 1-Wire devices; default <see cref="Ds18b20Sensor.DefaultDevicesFolder"/>.</param>
    /// <param name="time">The clock; default the system's.</param>
    public static SensorDrivers ForStation(Func<int, int, I2cDevice>? openI2c = null, string? oneWireFolder = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var clock = time;
        var converters = new Ads1115Pool(openI2c ?? ((bus, address) => Buses.OpenI2c("ADS1115", bus, address)));
        var thermometers = new WaterThermometers();
        return new(new Dictionary<string, Func<SensorOptions, ISensor>>
        {
            [SensorTypes.Bme280.Name] = o => new Bme280Sensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Bme280))),
            [SensorTypes.Sht4x.Name] = o => new Sht4xSensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Sht4x))),
            [SensorTypes.Scd4x.Name] = o => new Scd4xSensor(o.DisplayName, Buses.OpenI2c(o.DisplayName, Bus(o), Address(o, SensorTypes.Scd4x))),
            [SensorTypes.Pms5003.Name] = o => new PlantowerSensor(
                o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Pms5003)), o.Port!, clock, dutyCycle: DutyCycleChecks.ToDutyCycle(o.DutyCycle)),
            [SensorTypes.Sds011.Name] = o => new Sds011Sensor(
                o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Sds011)), o.Port!, clock, dutyCycle: DutyCycleChecks.ToDutyCycle(o.DutyCycle)),
            [SensorTypes.Gps.Name] = o => new GpsSensor(o.DisplayName, Buses.OpenSerial(o.DisplayName, o.Port!, Baud(o, SensorTypes.Gps)), o.Port!, clock),
            [SensorTypes.Ds18b20.Name] = o =>
            {
                var thermometer = new Ds18b20Sensor(o.DisplayName, o.OneWireId, clock, oneWireFolder ?? Ds18b20Sensor.DefaultDevicesFolder);
                thermometers.Register(o.DisplayName, thermometer);
                return thermometer;
            },
            [SensorTypes.Ph.Name] = o => Probe(converters, o, input => new PhProbe(o.DisplayName, input, AnalogProbeChecks.ToPh(Calibration(o)))),
            [SensorTypes.Turbidity.Name] = o => Probe(converters, o, input => new TurbidityProbe(o.DisplayName, input, AnalogProbeChecks.ToTurbidity(Calibration(o)))),
            [SensorTypes.Conductivity.Name] = o => Probe(converters, o, input => new ConductivityProbe(
                o.DisplayName,
                input,
                AnalogProbeChecks.ToConductivity(Calibration(o)),
                o.TemperatureSensor is { } name ? thermometers.Named(name) : new FixedWaterTemperature(o.FixedWaterCelsius ?? 25))),
        });
    }

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

    /// <summary>Opens an analogue probe on its share of its ADS1115; the share is given back if the probe cannot be made.</summary>
    private static LeasedSensor Probe(Ads1115Pool converters, SensorOptions options, Func<AnalogInput, ISensor> create)
    {
        var (converter, lease) = converters.Take(Bus(options), Address(options, SensorTypes.Ph), Range(AnalogProbeChecks.GainOf(options)));
        try
        {
            var input = new AnalogInput(converter, InputMultiplexer.AIN0 + (options.Channel ?? 0), options.DividerRatio ?? 1);
            return new LeasedSensor(create(input), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static CalibrationOptions Calibration(SensorOptions options) =>
        options.Calibration ?? throw new ArgumentException("it has no calibration; run `moci-bridge check` for what to give.");

    /// <summary>The binding's range for a full-scale range in volts (the configuration check has refused any other).</summary>
    private static MeasuringRange Range(double volts) => volts switch
    {
        6.144 => MeasuringRange.FS6144,
        2.048 => MeasuringRange.FS2048,
        1.024 => MeasuringRange.FS1024,
        0.512 => MeasuringRange.FS0512,
        0.256 => MeasuringRange.FS0256,
        _ => MeasuringRange.FS4096,
    };

    private static int Bus(SensorOptions options) => options.Bus ?? SensorListValidator.DefaultBus;

    /// <summary>The configured address, else the type's usual one (the configuration check has refused any other).</summary>
    private static int Address(SensorOptions options, SensorType type) =>
        I2cAddress.TryParse(options.Address, out var address) ? address : type.Addresses[0];

    private static int Baud(SensorOptions options, SensorType type) => options.Baud ?? type.Bauds[0];
}
