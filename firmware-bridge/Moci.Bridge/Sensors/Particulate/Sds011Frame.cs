namespace Moci.Bridge.Sensors.Particulate;

/// <summary>One Nova Fitness SDS011 data report.</summary>
/// <param name="Pm2_5MicrogramsPerCubicMetre">PM2.5, 0.0–999.9 µg/m³ in steps of 0.1.</param>
/// <param name="Pm10MicrogramsPerCubicMetre">PM10, 0.0–999.9 µg/m³ in steps of 0.1.</param>
/// <param name="DeviceId">The sensor's two-byte id.</param>
internal readonly record struct Sds011Frame(double Pm2_5MicrogramsPerCubicMetre, double Pm10MicrogramsPerCubicMetre, ushort DeviceId);
