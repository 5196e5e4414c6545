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

            if (type.TakesCalibration)
            {
                CheckCalibration(at, type, failures);
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
            SensorBus.Analog => "bus, address (of the ADS1115), channel and calibration",
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

    private static void CheckCalibration(Where at, SensorType type, List<string> failures)
    {
        var calibration = at.Options.Calibration;
        var key = at.Key("calibration");
        var (fewest, most) = type.CalibrationPoints;
        var count = fewest == most ? $"{fewest}" : $"{fewest} to {most}";
        if (calibration is null)
        {
            failures.Add($"{key} ({at.Sensor}) is missing; a {type.Name} probe needs its calibration: an id and {count} points of volts measured in reference solutions " +
                         "and their values, e.g. {\"id\": \"" + type.Name + "-2pt-2026-11-20\", \"points\": [{\"volts\": 2.03, \"value\": 6.86}, {\"volts\": 1.52, \"value\": 4.01}]}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(calibration.Id))
        {
            failures.Add($"{key}:id ({at.Sensor}) is missing; name the calibration (what, points, date), e.g. \"{type.Name}-2pt-2026-11-20\": every reading carries it.");
        }

        var points = calibration.Points;
        if (points.Count < fewest || points.Count > most)
        {
            failures.Add($"{key}:points ({at.Sensor}): a {type.Name} calibration takes {count} points (was {points.Count}).");
        }

        var (low, high) = type == SensorTypes.Ph ? (0.0, 14.0) : (0.0, double.MaxValue);
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            if (!double.IsFinite(point.Volts) || point.Volts is < 0 or > 6.144)
            {
                failures.Add($"{key}:points:{p}:volts ({at.Sensor}): {point.Volts.ToString(CultureInfo.InvariantCulture)} V is outside what the ADS1115 measures (0 to 6.144 V).");
            }

            if (!double.IsFinite(point.Value) || point.Value < low || point.Value > high)
            {
                failures.Add(type == SensorTypes.Ph
                    ? $"{key}:points:{p}:value ({at.Sensor}): pH {point.Value.ToString(CultureInfo.InvariantCulture)} is not between 0 and 14."
                    : $"{key}:points:{p}:value ({at.Sensor}): {point.Value.ToString(CultureInfo.InvariantCulture)} must not be negative.");
            }

            for (var q = 0; q < p; q++)
            {
                if (points[q].Volts == point.Volts)
                {
                    failures.Add($"{key}:points:{p}:volts ({at.Sensor}): points {q} and {p} have the same voltage, so they cannot tell values apart; measure each reference solution again.");
                }
            }
        }

        if (calibration.TemperatureCoefficient is { } coefficient)
        {
            if (type != SensorTypes.Conductivity)
            {
                failures.Add($"{key}:temperatureCoefficient ({at.Sensor}): only conductivity is compensated for temperature; remove it.");
            }
            else if (!double.IsFinite(coefficient) || coefficient is < 0 or > 0.1)
            {
                failures.Add($"{key}:temperatureCoefficient ({at.Sensor}): {coefficient.ToString(CultureInfo.InvariantCulture)} per kelvin is not between 0 and 0.1; 0.02 (2 %/K) suits most natural waters.");
            }
        }
    }

    /// <summary>The device file of I2C bus <paramref name="bus"/>.</summary>
    public static string I2cDevicePath(int bus) => string.Create(CultureInfo.InvariantCulture, $"/dev/i2c-{bus}");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^28-[0-9a-f]{12}$")]
    private static partial Regex OneWireId();

    /// <summary>Which entry of the list a problem is about.</summary>
    private readonly record struct Where(int Index, SensorOptions Options)
    {
        public string Sensor => $"sensor '{Options.DisplayName}', {Options.Type}";

        public string Key(string setting) => string.Create(CultureInfo.InvariantCulture, $"sensors:{Index}:{setting}");
    }
}
