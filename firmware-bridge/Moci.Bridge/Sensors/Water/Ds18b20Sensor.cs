using Iot.Device.OneWire;
using Moci.Telemetry.Metrics;
using UnitsNet;

namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// Maxim DS18B20 waterproof thermometer on the Pi's 1-Wire bus, through the <c>Iot.Device.OneWire</c> binding, which
/// reads the Linux <c>w1_therm</c> driver's <c>w1_slave</c> file (it starts a conversion: about 750 ms at 12 bits).
/// Rejects the two values that are not temperatures: +85 °C, the power-on value of the temperature register (0550h in
/// the DS18B20 datasheet's memory map), read when the probe lost power before converting, and −127 °C, which drivers
/// such as the Arduino DallasTemperature library give for a probe that is gone. Also the water temperature a conductivity probe is compensated
/// with. Reads are not thread-safe (see <see cref="ISensor"/>); <see cref="TryGetCelsius"/> may be called from any thread.
/// </summary>
internal sealed class Ds18b20Sensor : ISensor, IWaterTemperatureSource
{
    /// <summary>Where Linux lists the 1-Wire devices, one folder per device named by its id.</summary>
    public const string DefaultDevicesFolder = "/sys/bus/w1/devices";

    /// <summary>The 1-Wire family code of the DS18B20: its ids start with <c>28-</c>.</summary>
    private const string FamilyPrefix = "28-";

    private const double PowerOnResetCelsius = 85.0;
    private const double DisconnectedCelsius = -127.0;

    // The driver gives millidegrees, the probe resolves 1/16 °C: anything closer than this is the sentinel itself.
    private const double SentinelTolerance = 0.0005;

    private readonly string _name;
    private readonly string? _configuredId;
    private readonly string _devicesFolder;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAgeForCompensation;
    private OneWireThermometerDevice? _thermometer;
    private volatile Latest? _latest;

    /// <summary>Creates the sensor; the bus is looked at on the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="deviceId">
    /// The probe's id, e.g. <c>28-0316a2794cff</c> (<c>ls /sys/bus/w1/devices</c>); null to use the only DS18B20 on the bus.
    /// </param>
    /// <param name="time">The clock that dates the values given to <see cref="TryGetCelsius"/>.</param>
    /// <param name="devicesFolder">Where the devices are listed; <see cref="DefaultDevicesFolder"/> on a Pi, a temp folder in tests.</param>
    /// <param name="maxAgeForCompensation">How old a value <see cref="TryGetCelsius"/> still gives; default 10 minutes.</param>
    public Ds18b20Sensor(string name, string? deviceId, TimeProvider time, string devicesFolder = DefaultDevicesFolder, TimeSpan? maxAgeForCompensation = null)
    {
        _name = name;
        _configuredId = string.IsNullOrWhiteSpace(deviceId) ? null : deviceId.Trim();
        _devicesFolder = Path.GetFullPath(devicesFolder);
        _time = time;
        _maxAgeForCompensation = maxAgeForCompensation ?? TimeSpan.FromMinutes(10);
    }

    /// <inheritdoc/>
    public string Name => _name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.WaterTemperature];

    /// <inheritdoc/>
    public string Description => $"DS18B20 '{_name}'";

    /// <summary>Measures once: the water temperature in °C.</summary>
    /// <exception cref="SensorException">No such probe on the bus, a failed CRC, or a value that is not a temperature.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var thermometer = _thermometer ??= Find();
        Temperature temperature;
        try
        {
            temperature = await thermometer.ReadTemperatureAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Looked for again on the next read: the probe may come back under its id, or be replaced.
            _thermometer = null;
            throw new SensorException($"{Description}: probe {thermometer.DeviceId} is gone from {_devicesFolder} ({ex.Message}). {WiringHint}", ex, deviceMissing: true);
        }
        catch (InvalidOperationException ex)
        {
            // The driver writes "NO" after the CRC of the scratchpad when it does not match.
            throw new SensorException($"{Description}: probe {thermometer.DeviceId} answered with a bad CRC ({ex.Message}): a noisy line. {WiringHint}", ex);
        }

        var celsius = temperature.DegreesCelsius;
        if (Math.Abs(celsius - PowerOnResetCelsius) < SentinelTolerance)
        {
            throw new SensorException(
                $"{Description}: probe {thermometer.DeviceId} gave 85 °C, its power-on value, not a measurement: it lost power "
                + "before converting. Connect its red wire to 3.3 V (pin 1) rather than relying on parasite power, and check the connection.");
        }

        if (Math.Abs(celsius - DisconnectedCelsius) < SentinelTolerance)
        {
            throw new SensorException($"{Description}: probe {thermometer.DeviceId} gave −127 °C, the value for a probe that does not answer. {WiringHint}", deviceMissing: true);
        }

        _latest = new Latest(celsius, _time.GetUtcNow());
        return [new(MetricCatalogue.WaterTemperature, celsius)];
    }

    /// <summary>The last valid temperature in °C, if it is not older than the configured maximum age. Thread-safe.</summary>
    public bool TryGetCelsius(out double celsius)
    {
        var latest = _latest;
        if (latest is not null && _time.GetUtcNow() - latest.At <= _maxAgeForCompensation)
        {
            celsius = latest.Celsius;
            return true;
        }

        celsius = double.NaN;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // Nothing held open: every read opens the driver's file.
    }

    private static string WiringHint =>
        "Check the probe's wires (red to 3.3 V, pin 1; black to GND, pin 9; yellow data to GPIO 4, pin 7), the 4.7 kΩ "
        + "pull-up between data and 3.3 V, and dtoverlay=w1-gpio in /boot/firmware/config.txt.";

    private OneWireThermometerDevice Find()
    {
        if (!Directory.Exists(_devicesFolder))
        {
            throw new SensorException(
                $"{Description}: there is no 1-Wire bus ({_devicesFolder} does not exist). Add dtoverlay=w1-gpio to "
                + "/boot/firmware/config.txt (data on GPIO 4, pin 7) and reboot.",
                deviceMissing: true);
        }

        var found = Directory.EnumerateFileSystemEntries(_devicesFolder, FamilyPrefix + "*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = found.Count == 0 ? "none" : string.Join(", ", found);
        string id;
        if (_configuredId is not null)
        {
            if (!found.Contains(_configuredId, StringComparer.OrdinalIgnoreCase))
            {
                throw new SensorException($"{Description}: no probe {_configuredId} on the 1-Wire bus (DS18B20 found: {listed}). {WiringHint}", deviceMissing: true);
            }

            id = _configuredId;
        }
        else if (found.Count == 1)
        {
            id = found[0];
        }
        else
        {
            throw new SensorException(found.Count == 0
                ? $"{Description}: no DS18B20 on the 1-Wire bus ({_devicesFolder} lists none). {WiringHint}"
                : $"{Description}: {found.Count} DS18B20 on the 1-Wire bus ({listed}): configure which one this is by its id.",
                deviceMissing: found.Count == 0);
        }

        // The binding reads <bus>/<device>/w1_slave under /sys/devices. An absolute "bus" replaces that root
        // (Path.Combine starts again at an absolute part), so the binding reads the file under the folder given here:
        // /sys/bus/w1/devices/<id> links to the device on whichever bus master it hangs.
        return new OneWireThermometerDevice(_devicesFolder, id);
    }

    private sealed record Latest(double Celsius, DateTimeOffset At);
}
