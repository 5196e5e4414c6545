using System.Collections.Frozen;

namespace Moci.Telemetry.Metrics;

/// <summary>
/// Every metric the network knows. Names follow the wire protocol v1; plausible
/// ranges are the limits in the sensors' datasheets. Thread-safe: immutable.
/// </summary>
public static class MetricCatalogue
{
    private static readonly UnitAlias[] None = [];

    // Mass concentration: RFC 8798 registers ug/m3 as a secondary unit of kg/m3 (×10⁻⁹).
    private static readonly UnitAlias[] MassConcentration = [new("kg/m3", 1e9)];
    private static readonly UnitAlias[] Kelvin = [new("K", 1, -273.15)];

    /// <summary>PM1 mass concentration. PMS5003 reports 0–1000 µg/m³ at most (PMS5003 data manual V2.3: maximum range ≥ 1000 µg/m³).</summary>
    public static readonly Metric Pm1 = new("pm1", "PM1", "ug/m3", "µg/m³", Medium.Air, 0, 1000, 1, MassConcentration);

    /// <summary>
    /// PM2.5 mass concentration. Above 800 µg/m³ the EEA's European Air Quality Index treats a value as invalid.
    /// </summary>
    public static readonly Metric Pm2_5 = new("pm2_5", "PM2.5", "ug/m3", "µg/m³", Medium.Air, 0, 800, 1, MassConcentration);

    /// <summary>PM10 mass concentration. Sensor maximum about 1000 µg/m³ (PMS5003 data manual V2.3; SDS011 specification V1.3: 999.9).</summary>
    public static readonly Metric Pm10 = new("pm10", "PM10", "ug/m3", "µg/m³", Medium.Air, 0, 1000, 1, MassConcentration);

    /// <summary>Air temperature. BME280: −40 … +85 °C (Bosch BME280 datasheet).</summary>
    public static readonly Metric Temperature = new("temperature", "Air temperature", "Cel", "°C", Medium.Air, -40, 85, 1, Kelvin);

    /// <summary>Relative humidity, 0–100 %RH (Bosch BME280 datasheet).</summary>
    public static readonly Metric Humidity = new("humidity", "Relative humidity", "%RH", "%", Medium.Air, 0, 100, 0, None);

    /// <summary>
    /// Air pressure in hectopascals (RFC 8798 secondary unit); the SenML primary unit Pa is accepted and
    /// converted. BME280: 300–1100 hPa (Bosch BME280 datasheet).
    /// </summary>
    public static readonly Metric Pressure = new("pressure", "Air pressure", "hPa", "hPa", Medium.Air, 300, 1100, 1, [new("Pa", 0.01)]);

    /// <summary>CO₂ mixing ratio in ppm (RFC 8798 secondary of "/"). SCD40/41 output 0–40 000 ppm (Sensirion SCD4x datasheet).</summary>
    public static readonly Metric Co2 = new("co2", "CO₂", "ppm", "ppm", Medium.Air, 0, 40_000, 0, [new("/", 1e6)]);

    /// <summary>River water temperature. DS18B20: −55 … +125 °C (Maxim DS18B20 datasheet).</summary>
    public static readonly Metric WaterTemperature = new("water_temperature", "Water temperature", "Cel", "°C", Medium.Water, -55, 125, 1, Kelvin);

    /// <summary>Water pH, 0–14 (DFRobot Gravity pH V2, ±0.1 at 25 °C).</summary>
    public static readonly Metric Ph = new("ph", "pH", "pH", "pH", Medium.Water, 0, 14, 2, None);

    /// <summary>
    /// Electrical conductivity in µS/cm at 25 °C, as water people quote it; no SenML
    /// registry spells µS/cm, so the SenML primary unit S/m is accepted and converted (1 S/m = 10 000 µS/cm).
    /// Range: the DFRobot TDS probe's 0–1000 ppm at the EC→TDS factor 0.5 (DFRobot SEN0244).
    /// </summary>
    public static readonly Metric Conductivity = new("conductivity", "Conductivity", "uS/cm", "µS/cm", Medium.Water, 0, 2000, 0, [new("S/m", 1e4)]);

    /// <summary>
    /// Turbidity in nephelometric turbidity units (no SenML unit exists). The DFRobot SEN0189 vendor
    /// curve tops out at 3000 NTU (DFRobot SEN0189 sample code): use it for trends, not compliance.
    /// </summary>
    public static readonly Metric Turbidity = new("turbidity", "Turbidity", "NTU", "NTU", Medium.Water, 0, 3000, 0, None);

    /// <summary>Dissolved oxygen in mg/L; kg/m3 accepted (1 kg/m³ = 1000 mg/L). Galvanic probe 0–20 mg/L (DFRobot Gravity DO).</summary>
    public static readonly Metric DissolvedOxygen = new("dissolved_oxygen", "Dissolved oxygen", "mg/L", "mg/L", Medium.Water, 0, 20, 2, [new("kg/m3", 1e3)]);

    /// <summary>Station battery voltage; 0–30 V covers the 12 V lead and Li-ion packs used on stations.</summary>
    public static readonly Metric BatteryVoltage = new("battery_voltage", "Battery", "V", "V", Medium.Device, 0, 30, 2, None);

    /// <summary>
    /// Latitude of the station in decimal degrees (WGS 84, north positive), −90 … +90, from its GPS receiver: the
    /// mobile kit records where along its route each reading was taken. <c>lat</c> is the SenML unit RFC 8428 (§12.1)
    /// registers for it; five decimals are about one metre, finer than a GPS receiver's accuracy.
    /// </summary>
    public static readonly Metric Latitude = new("latitude", "Latitude", "lat", "°", Medium.Device, -90, 90, 5, None);

    /// <summary>
    /// Longitude of the station in decimal degrees (WGS 84, east positive), −180 … +180, from its GPS receiver.
    /// <c>lon</c> is the SenML unit RFC 8428 (§12.1) registers for it.
    /// </summary>
    public static readonly Metric Longitude = new("longitude", "Longitude", "lon", "°", Medium.Device, -180, 180, 5, None);

    /// <summary>
    /// Total dissolved solids in mg/L (≈ ppm in fresh water), derived from conductivity at 25 °C by a factor (0.5 for a
    /// sodium-chloride-like solution, the DFRobot SEN0244's default); kg/m3 accepted. The probe's range is 0–1000 ppm.
    /// Prefer <see cref="Conductivity"/> for comparisons: the factor is a convention, not a measurement.
    /// </summary>
    public static readonly Metric TotalDissolvedSolids = new("tds", "Total dissolved solids", "mg/L", "mg/L", Medium.Water, 0, 1000, 0, [new("kg/m3", 1e3)]);

    /// <summary>All metrics in catalogue order (air, water, device; metrics added later at the end).</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        Pm1, Pm2_5, Pm10, Temperature, Humidity, Pressure, Co2,
        WaterTemperature, Ph, Conductivity, Turbidity, DissolvedOxygen,
        BatteryVoltage, Latitude, Longitude, TotalDissolvedSolids,
    ];

    private static readonly FrozenDictionary<string, Metric> ByName =
        All.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The wire names of all metrics, comma-separated, for messages that tell a sender what it may use.</summary>
    public static string KnownNames { get; } = string.Join(", ", All.Select(m => m.Name));

    /// <summary>Finds a metric by its wire name (case-sensitive, as on the wire).</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Metric? metric) =>
        ByName.TryGetValue(name, out metric);
}
