namespace Moci.Bridge.Configuration;

/// <summary>
/// One sensor of the station: an entry of the <c>sensors</c> list of the configuration file. Which connection settings
/// apply depends on <see cref="Type"/> (<see cref="SensorTypes"/>): I2C sensors take <see cref="Bus"/> and
/// <see cref="Address"/>; serial ones <see cref="Port"/> and <see cref="Baud"/>; the DS18B20 <see cref="OneWireId"/>;
/// analogue probes behind an ADS1115 <see cref="Bus"/>, <see cref="Address"/>, <see cref="Channel"/> and
/// <see cref="Calibration"/>.
/// </summary>
internal sealed class SensorOptions
{
    /// <summary>The kind of sensor: one of <see cref="SensorTypes.Names"/>, e.g. <c>bme280</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The name health reports and errors use, unique in the station: letters, digits, '-' and '_'. Default: the type.</summary>
    public string? Name { get; set; }

    /// <summary>False to keep the entry but not read the sensor (it is unplugged for now). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>I2C bus number: <c>/dev/i2c-N</c>. Default 1, the bus on pins 3 (SDA) and 5 (SCL) of a Raspberry Pi.</summary>
    public int? Bus { get; set; }

    /// <summary>I2C address, hexadecimal as <c>"0x76"</c> or decimal. Default: the device's usual address.</summary>
    public string? Address { get; set; }

    /// <summary>Serial port, e.g. <c>/dev/serial0</c> (the Pi's UART on pins 8 and 10) or <c>/dev/ttyUSB0</c> (a USB adaptor).</summary>
    public string? Port { get; set; }

    /// <summary>Serial speed in bit/s. Default: the device's (9600 for PMS5003, SDS011 and most GPS receivers).</summary>
    public int? Baud { get; set; }

    /// <summary>The DS18B20's 1-Wire id as <c>/sys/bus/w1/devices</c> lists it, e.g. <c>28-0316a2792aff</c>. Empty: the only one there.</summary>
    public string? OneWireId { get; set; }

    /// <summary>ADS1115 input, 0–3 (A0–A3), of an analogue probe.</summary>
    public int? Channel { get; set; }

    /// <summary>
    /// Analogue probes: the ADS1115's full-scale range in volts (its programmable gain): 6.144, 4.096, 2.048, 1.024,
    /// 0.512 or 0.256. Default 4.096, which covers 0–3.3 V. Probes on one ADS1115 share it.
    /// </summary>
    public double? Gain { get; set; }

    /// <summary>
    /// Analogue probes: the probe's voltage over the voltage at the input, for a voltage divider between them: 1 without
    /// one (the default), 1.5 for 10 kΩ from the probe to the input and 20 kΩ from the input to GND.
    /// </summary>
    public double? DividerRatio { get; set; }

    /// <summary>Conductivity only: the name of the DS18B20 (listed before this probe) in the same water, to compensate with.</summary>
    public string? TemperatureSensor { get; set; }

    /// <summary>Conductivity only, without a thermometer: the water temperature to compensate with, in °C, 0–40.</summary>
    public double? FixedWaterCelsius { get; set; }

    /// <summary>PM sensors only: let the sensor sleep between measurements so that its laser and fan last. Empty: always on.</summary>
    public DutyCycleOptions? DutyCycle { get; set; }

    /// <summary>Time between two reads; empty for <c>sampling:interval</c>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Averaging window; empty for <c>sampling:averaging</c>, zero for every sample as it is.</summary>
    public TimeSpan? Averaging { get; set; }

    /// <summary>How an analogue probe's voltage becomes a value (pH, turbidity, conductivity).</summary>
    public CalibrationOptions? Calibration { get; set; }

    /// <summary>The name, or the type when no name is given.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Type : Name;
}
