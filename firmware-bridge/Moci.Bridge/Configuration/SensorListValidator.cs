using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Start-up checks of the <c>sensors</c> list: a known type, the settings that type takes and no others, an address the
/// device answers on, a bus, port or 1-Wire master that exists on this machine (for enabled sensors), no two sensors on
/// one address or port, a calibration that can be used, and sampling that fits the interval. Each problem names its
/// setting (<c>sensors:2:address</c>) and the sensor, and says how to fix it.
/// </summary>
internal sealed partial class SensorListValidator(FileView files, IOptions<SamplingOptions> sampling) : IValidateOptions<SensorListOptions>
{
    /// <summary>Where the kernel lists 1-Wire devices; it exists once 1-Wire is on.</summary>
    public const string OneWireFolder = "/sys/bus/w1/devices";

    /// <summary>The I2C bus of the Raspberry Pi's header, taken when none is given.</summary>
    public const int DefaultBus = 1;

    public ValidateOptionsResult Validate(string? name, SensorListOptions options)
    {
        var failures = new List<string>();
        var defaults = Defaults();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sensors.Count; i++)
        {
            var sensor = options.Sensors[i];
            var at = new Where(i, sensor);
            if (!SensorTypes.All.TryGetValue(sensor.Type ?? "", out var type))
            {
                failures.Add(string.IsNullOrWhiteSpace(sensor.Type)
                    ? $"sensors:{i}:type is missing; give one of {SensorTypes.Names}."
                    : $"sensors:{i}:type: '{sensor.Type}' is not a sensor type the bridge knows; use one of {SensorTypes.Names}.");
                continue;
            }

            CheckName(at, names, failures);
            CheckSettingsApply(at, type, failures);
            var device = type.Bus switch
            {
                SensorBus.I2c or SensorBus.Analog => CheckI2c(at, type, failures),
                SensorBus.Serial => CheckSerial(at, type, failures),
                _ => CheckOneWire(at, failures),
            };
            if (device is not null && sensor.Enabled)
            {
                if (taken.TryGetValue(device, out var other))
                {
                    failures.Add($"{at.Key(DeviceKey(type))} ({at.Sensor}): {device} is already used by sensor '{options.Sensors[other].DisplayName}' (sensors:{other}); " +
                                 "two sensors cannot share it: give each its own address, channel or port, or set \"enabled\": false on one.");
                }
                else
                {
                    taken[device] = i;
                }
            }

            if (type.Bus == SensorBus.Analog)
            {
                AnalogProbeChecks.CheckInput(at, failures);
                AnalogProbeChecks.CheckCalibration(at, type, failures);
                CheckSharedGain(at, options.Sensors, failures);
                if (type == SensorTypes.Conductivity)
                {
                    AnalogProbeChecks.CheckWaterTemperature(at, options.Sensors, failures);
                }
            }

            if (sensor.DutyCycle is not null)
            {
                DutyCycleChecks.Check(at, sensor.Interval ?? defaults?.Interval, failures);
            }

            if (defaults is not null)
            {
                failures.AddRange(SamplingOptionsValidator.Explain(
                    sensor.Interval ?? defaults.Interval,
                    sensor.Averaging ?? defaults.Averaging,
                    sensor.Interval is null ? $"sampling:interval (used by sensor '{sensor.DisplayName}')" : at.Key("interval") + $" ({at.Sensor})",
                    sensor.Averaging is null ? $"sampling:averaging (used by sensor '{sensor.DisplayName}')" : at.Key("averaging") + $" ({at.Sensor})"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The sampling defaults, or null when they are wrong themselves (their own check says so).</summary>
    private SamplingOptions? Defaults()
    {
        try
        {
            return sampling.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }

    private static string DeviceKey(SensorType type) => type.Bus switch
    {
        SensorBus.I2c => "address",
        SensorBus.Analog => "channel",
        SensorBus.Serial => "port",
        _ => "oneWireId",
    };

    private static void CheckName(Where at, Dictionary<string, int> names, List<string> failures)
    {
        var name = at.Options.DisplayName;
        if (!SafeName().IsMatch(name))
        {
            failures.Add($"{at.Key("name")}: '{name}' is not a usable sensor name; use up to 32 letters, digits, '-' and '_', e.g. \"air\" or \"river-ph\".");
        }
        else if (names.TryGetValue(name, out var other))
        {
            failures.Add($"{at.Key("name")}: the name '{name}' is also the name of sensors:{other}; give each sensor its own name (\"name\": \"dust-2\").");
        }
        else
        {
            names[name] = at.Index;
        }
    }

    /// <summary>Settings of another kind of connection are mistakes (a port on an I2C sensor): they would be ignored silently otherwise.</summary>
    private static void CheckSettingsApply(Where at, SensorType type, List<string> failures)
    {
        var takes = type.Bus switch
        {
            SensorBus.I2c => "bus and address",
            SensorBus.Analog when type == SensorTypes.Conductivity =>
                "bus, address (of the ADS1115), channel, gain, dividerRatio, calibration, and temperatureSensor or fixedWaterCelsius",
            SensorBus.Analog => "bus, address (of the ADS1115), channel, gain, dividerRatio and calibration",
            SensorBus.Serial when type == SensorTypes.Sds011 || type == SensorTypes.Pms5003 => "port, baud and dutyCycle",
            SensorBus.Serial => "port and baud",
            _ => "oneWireId",
        };
        var s = at.Options;
        var given = new (string Key, bool Set, bool Applies)[]
        {
            ("bus", s.Bus is not null, type.Bus is SensorBus.I2c or SensorBus.Analog),
            ("address", s.Address is not null, type.Bus is SensorBus.I2c or SensorBus.Analog),
            ("channel", s.Channel is not null, type.Bus is SensorBus.Analog),
            ("port", s.Port is not null, type.Bus is SensorBus.Serial),
            ("baud", s.Baud is not null, type.Bus is SensorBus.Serial),
            ("oneWireId", s.OneWireId is not null, type.Bus is SensorBus.OneWire),
            ("calibration", s.Calibration is not null, type.TakesCalibration),
            ("gain", s.Gain is not null, type.Bus is SensorBus.Analog),
            ("dividerRatio", s.DividerRatio is not null, type.Bus is SensorBus.Analog),
            ("temperatureSensor", s.TemperatureSensor is not null, type == SensorTypes.Conductivity),
            ("fixedWaterCelsius", s.FixedWaterCelsius is not null, type == SensorTypes.Conductivity),
            ("dutyCycle", s.DutyCycle is not null, type == SensorTypes.Sds011 || type == SensorTypes.Pms5003),
        };
        foreach (var (key, set, applies) in given)
        {
            if (set && !applies)
            {
                failures.Add($"{at.Key(key)} ({at.Sensor}): a {type.Name} does not take {key}; it takes {takes}. Remove {key}.");
            }
        }
    }

    private string? CheckI2c(Where at, SensorType type, List<string> failures)
    {
        var s = at.Options;
        var bus = s.Bus ?? DefaultBus;
        var ok = true;
        if (bus is < 0 or > 255)
        {
            failures.Add($"{at.Key("bus")} ({at.Sensor}): {bus} is not an I2C bus number; on a Raspberry Pi the header's bus is 1 (/dev/i2c-1).");
            ok = false;
        }
        else if (s.Enabled && !files.Exists(I2cDevicePath(bus)))
        {
            failures.Add($"{at.Key("bus")} ({at.Sensor}): there is no I2C bus {bus} ({I2cDevicePath(bus)} does not exist). Turn I2C on " +
                         "(sudo raspi-config nonint do_i2c 0, then reboot); on a Raspberry Pi the header's bus is 1.");
        }

        var allowed = string.Join(" or ", type.Addresses.Select(I2cAddress.Format));
        var address = type.Addresses[0];
        if (s.Address is not null && !I2cAddress.TryParse(s.Address, out address))
        {
            failures.Add($"{at.Key("address")} ({at.Sensor}): '{s.Address}' is not an I2C address; write it as i2cdetect shows it, e.g. \"{I2cAddress.Format(type.Addresses[0])}\".");
            ok = false;
        }
        else if (!type.Addresses.Contains(address))
        {
            var device = type.Bus == SensorBus.Analog ? "an ADS1115" : $"a {type.Label}";
            failures.Add($"{at.Key("address")} ({at.Sensor}): {I2cAddress.Format(address)} is not an address {device} answers on; use {allowed} " +
                         $"(`i2cdetect -y {bus}` shows which).");
            ok = false;
        }

        if (type.Bus == SensorBus.Analog)
        {
            if (s.Channel is not { } channel)
            {
                failures.Add($"{at.Key("channel")} ({at.Sensor}) is missing; give the ADS1115 input the probe is wired to, 0–3 (A0–A3).");
                return null;
            }

            if (channel is < 0 or > 3)
            {
                failures.Add($"{at.Key("channel")} ({at.Sensor}): {channel} is not an ADS1115 input; use 0–3 (A0–A3).");
                return null;
            }

            return ok ? string.Create(CultureInfo.InvariantCulture, $"input A{channel} of the ADS1115 at {I2cAddress.Format(address)} on I2C bus {bus}") : null;
        }

        return ok ? string.Create(CultureInfo.InvariantCulture, $"address {I2cAddress.Format(address)} on I2C bus {bus}") : null;
    }

    private string? CheckSerial(Where at, SensorType type, List<string> failures)
    {
        var s = at.Options;
        if (s.Baud is { } baud && !type.Bauds.Contains(baud))
        {
            failures.Add(type.Bauds.Count == 1
                ? $"{at.Key("baud")} ({at.Sensor}): a {type.Label} speaks {type.Bauds[0]} bit/s only (was {baud}); remove baud."
                : $"{at.Key("baud")} ({at.Sensor}): {baud} is not a speed a {type.Label} speaks; use {string.Join(", ", type.Bauds.Order())} (usually {type.Bauds[0]}).");
        }

        if (string.IsNullOrWhiteSpace(s.Port))
        {
            failures.Add($"{at.Key("port")} ({at.Sensor}) is missing; give the serial port, e.g. /dev/serial0 (the Pi's UART, pins 8 and 10) or /dev/ttyUSB0 (a USB adaptor).");
            return null;
        }

        if (!s.Port.StartsWith("/dev/", StringComparison.Ordinal))
        {
            failures.Add($"{at.Key("port")} ({at.Sensor}): '{s.Port}' is not a serial device; give its path, e.g. /dev/serial0 or /dev/ttyUSB0.");
            return null;
        }

        if (s.Enabled && !files.Exists(s.Port))
        {
            var usb = s.Port.StartsWith("/dev/ttyUSB", StringComparison.Ordinal) || s.Port.StartsWith("/dev/ttyACM", StringComparison.Ordinal);
            failures.Add(usb
                ? $"{at.Key("port")} ({at.Sensor}): {s.Port} does not exist; plug in the USB adaptor, and see which port it got with `ls /dev/ttyUSB* /dev/ttyACM*`."
                : $"{at.Key("port")} ({at.Sensor}): {s.Port} does not exist; turn the UART on and its login console off " +
                  "(sudo raspi-config nonint do_serial_hw 0; sudo raspi-config nonint do_serial_cons 1; reboot), or give the port of a USB adaptor (/dev/ttyUSB0).");
        }

        return "serial port " + s.Port;
    }

    private string? CheckOneWire(Where at, List<string> failures)
    {
        var s = at.Options;
        if (s.Enabled && !files.Exists(OneWireFolder))
        {
            failures.Add($"sensors:{at.Index} ({at.Sensor}): 1-Wire is off ({OneWireFolder} does not exist); turn it on (sudo raspi-config nonint do_onewire 0, " +
                         "which uses GPIO4, pin 7), then reboot.");
        }

        if (s.OneWireId is null)
        {
            return "the only DS18B20 on the 1-Wire bus";
        }

        if (!OneWireId().IsMatch(s.OneWireId))
        {
            failures.Add($"{at.Key("oneWireId")} ({at.Sensor}): '{s.OneWireId}' is not a DS18B20 id; they look like 28-0316a2792aff (`ls {OneWireFolder}` lists them), " +
                         "or remove oneWireId when there is only one probe.");
            return null;
        }

        return "1-Wire device " + s.OneWireId;
    }

    /// <summary>Probes on one ADS1115 share its gain (the converter has one range): a probe that sets another one is named.</summary>
    private static void CheckSharedGain(Where at, IReadOnlyList<SensorOptions> sensors, List<string> failures)
    {
        var s = at.Options;
        for (var i = 0; i < at.Index; i++)
        {
            var other = sensors[i];
            if (other.Enabled && s.Enabled && SensorTypes.All.TryGetValue(other.Type ?? "", out var type) && type.Bus == SensorBus.Analog
                && (other.Bus ?? DefaultBus) == (s.Bus ?? DefaultBus) && SameAddress(other, s, type)
                && AnalogProbeChecks.GainOf(other) != AnalogProbeChecks.GainOf(s))
            {
                failures.Add($"{at.Key("gain")} ({at.Sensor}): its ADS1115 is shared with sensor '{other.DisplayName}' (sensors:{i}), which uses gain " +
                             $"{AnalogProbeChecks.GainOf(other).ToString(CultureInfo.InvariantCulture)}; probes on one ADS1115 share its gain: give both the same.");
                return;
            }
        }
    }

    private static bool SameAddress(SensorOptions a, SensorOptions b, SensorType type)
    {
        var first = I2cAddress.TryParse(a.Address, out var x) ? x : type.Addresses[0];
        var second = I2cAddress.TryParse(b.Address, out var y) ? y : type.Addresses[0];
        return first == second;
    }

    /// <summary>The device file of I2C bus <paramref name="bus"/>.</summary>
    public static string I2cDevicePath(int bus) => string.Create(CultureInfo.InvariantCulture, $"/dev/i2c-{bus}");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^28-[0-9a-f]{12}$")]
    private static partial Regex OneWireId();

    /// <summary>Which entry of the list a problem is about.</summary>
    internal readonly record struct Where(int Index, SensorOptions Options)
    {
        public string Sensor => $"sensor '{Options.DisplayName}', {Options.Type}";

        public string Key(string setting) => string.Create(CultureInfo.InvariantCulture, $"sensors:{Index}:{setting}");
    }
}
