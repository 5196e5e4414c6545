using System.Collections.Frozen;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Every sensor type the configuration may name. Pins are the Raspberry Pi's 40-pin header: 1 = 3V3, 2 = 5 V,
/// 3 = SDA (GPIO2), 5 = SCL (GPIO3), 6 and 9 = GND, 7 = GPIO4, 8 = TXD (GPIO14), 10 = RXD (GPIO15).
/// Addresses and speeds are the datasheets'. Thread-safe: immutable.
/// </summary>
internal static class SensorTypes
{
    private const string I2cWiring = "SDA to pin 3, SCL to pin 5, GND to pin 6";

    /// <summary>Bosch BME280: air temperature, humidity, pressure.</summary>
    public static readonly SensorType Bme280 = new(
        "bme280", "Bosch BME280", SensorBus.I2c, [0x76, 0x77], [],
        $"VIN to 3V3 (pin 1), {I2cWiring}; the address is 0x76 with SDO to GND, 0x77 with SDO to 3V3; `i2cdetect -y BUS` must show it");

    /// <summary>Sensirion SHT40/41/45: air temperature and humidity.</summary>
    public static readonly SensorType Sht4x = new(
        "sht4x", "Sensirion SHT4x", SensorBus.I2c, [0x44, 0x45, 0x46], [],
        $"VDD to 3V3 (pin 1), {I2cWiring}; the address is printed in the part number (AD1B: 0x44, BD1B: 0x45, CD1B: 0x46); `i2cdetect -y BUS` must show it");

    /// <summary>Sensirion SCD40/41: CO₂.</summary>
    public static readonly SensorType Scd4x = new(
        "scd4x", "Sensirion SCD4x", SensorBus.I2c, [0x62], [],
        $"VDD to 3V3 (pin 1), {I2cWiring}; `i2cdetect -y BUS` must show 62; its first value comes 5 s after start");

    /// <summary>Plantower PMS5003/PMS7003: PM1, PM2.5, PM10 over a serial line.</summary>
    public static readonly SensorType Pms5003 = new(
        "pms5003", "Plantower PMS5003", SensorBus.Serial, [], [9600],
        "VCC to 5 V (pin 2: the fan needs it), GND to pin 6, the sensor's TX to the Pi's RX (pin 10) and its RX to the Pi's TX (pin 8); the UART must be on and its login console off (sudo raspi-config nonint do_serial_hw 0; sudo raspi-config nonint do_serial_cons 1; reboot)");

    /// <summary>Nova Fitness SDS011: PM2.5 and PM10 over a serial line, usually through its USB adaptor.</summary>
    public static readonly SensorType Sds011 = new(
        "sds011", "Nova Fitness SDS011", SensorBus.Serial, [], [9600],
        "through its USB adaptor it is /dev/ttyUSB0 (`ls /dev/ttyUSB*` lists the adaptors); on the UART: 5 V to pin 2, GND to pin 6, TXD to the Pi's RX (pin 10), RXD to the Pi's TX (pin 8); the fan must be heard running");

    /// <summary>Maxim DS18B20 waterproof probe: water temperature over 1-Wire.</summary>
    public static readonly SensorType Ds18b20 = new(
        "ds18b20", "Maxim DS18B20", SensorBus.OneWire, [], [],
        "red to 3V3 (pin 1), black to GND (pin 9), yellow (data) to GPIO4 (pin 7), and a 4.7 kΩ resistor between data and 3V3; 1-Wire must be on (sudo raspi-config nonint do_onewire 0; reboot); `ls /sys/bus/w1/devices` must list a 28-… folder");

    /// <summary>An analogue pH probe board on an ADS1115.</summary>
    public static readonly SensorType Ph = Analog("ph", "pH probe");

    /// <summary>An analogue turbidity probe board on an ADS1115.</summary>
    public static readonly SensorType Turbidity = Analog("turbidity", "turbidity probe");

    /// <summary>An analogue conductivity / TDS probe board on an ADS1115, compensated to 25 °C.</summary>
    public static readonly SensorType Conductivity = Analog("conductivity", "conductivity (TDS) probe");

    /// <summary>A GPS receiver speaking NMEA 0183: position for the mobile kit, and time where there is no network.</summary>
    public static readonly SensorType Gps = new(
        "gps", "GPS receiver (NMEA 0183)", SensorBus.Serial, [], [9600, 4800, 19200, 38400, 57600, 115200],
        "VCC as the module says (3V3 or 5 V), GND to pin 6, the module's TX to the Pi's RX (pin 10); the UART must be on and its login console off (sudo raspi-config nonint do_serial_hw 0; sudo raspi-config nonint do_serial_cons 1; reboot); the first fix needs open sky and can take minutes");

    /// <summary>Every type by its configuration name.</summary>
    public static readonly FrozenDictionary<string, SensorType> All = new[]
    {
        Bme280, Sht4x, Scd4x, Pms5003, Sds011, Ds18b20, Ph, Turbidity, Conductivity, Gps,
    }.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names, for messages: "bme280, sht4x, …".</summary>
    public static string Names { get; } = string.Join(", ", All.Values.Select(t => t.Name).Order(StringComparer.Ordinal));

    private static SensorType Analog(string name, string label) => new(
        name, $"{label} on an ADS1115", SensorBus.Analog, [0x48, 0x49, 0x4A, 0x4B], [],
        $"ADS1115: VDD to 3V3 (pin 1), {I2cWiring}, ADDR to GND for 0x48 (to VDD 0x49, SDA 0x4A, SCL 0x4B); the probe board's output to the channel's input (A0–A3); `i2cdetect -y BUS` must show the address");
}
