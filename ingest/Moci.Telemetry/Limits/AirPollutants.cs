namespace Moci.Telemetry.Limits;

/// <summary>
/// The metric names the limit tables and indices use. <see cref="Pm2_5"/> and <see cref="Pm10"/> are the wire
/// names of <see cref="Metrics.MetricCatalogue"/>; the gases have no sensor on the stations yet, and these are
/// the names the catalogue reserves for them (lower case, SenML name characters only).
/// </summary>
public static class AirPollutants
{
    /// <summary>PM2.5 mass concentration, µg/m³ (catalogue metric <c>pm2_5</c>).</summary>
    public const string Pm2_5 = "pm2_5";

    /// <summary>PM10 mass concentration, µg/m³ (catalogue metric <c>pm10</c>).</summary>
    public const string Pm10 = "pm10";

    /// <summary>Nitrogen dioxide, µg/m³.</summary>
    public const string No2 = "no2";

    /// <summary>Sulphur dioxide, µg/m³.</summary>
    public const string So2 = "so2";

    /// <summary>Ozone, µg/m³.</summary>
    public const string O3 = "o3";

    /// <summary>Carbon monoxide, mg/m³ (the EU and WHO tables give CO in milligrams).</summary>
    public const string Co = "co";

    /// <summary>Benzene, µg/m³.</summary>
    public const string Benzene = "benzene";
}
