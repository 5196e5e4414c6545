namespace Moci.Telemetry.Indices;

/// <summary>
/// How much oxygen fresh water holds in equilibrium with air at 101.325 kPa, to turn a dissolved-oxygen reading in
/// mg/L into % saturation. Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// The APHA closed form (Benson and Krause), with T in kelvin:
/// ln(DO_sat) = −139.34410 + 1.575701×10⁵/T − 6.642308×10⁷/T² + 1.243800×10¹⁰/T³ − 8.621949×10¹¹/T⁴
/// (SWAT+ theoretical documentation, "Oxygen saturation concentration",
/// https://swatplus.gitbook.io/io-docs/theoretical-documentation/section-4-erosion/water-quality-parameters/dissolved-oxygen/oxygen-saturation-concentration).
/// It reproduces the EN 25814 table (14.6 mg/L at 0 °C, 9.09 at 20 °C, 7.56 at 30 °C) to its printed digits. Fresh
/// water at sea-level pressure only: at altitude the saturation is lower in proportion to the air pressure.
/// </remarks>
public static class OxygenSolubility
{
    /// <summary>Saturation concentration in mg/L at <paramref name="waterTemperatureCelsius"/>, for 0–40 °C.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is outside 0–40 °C, where the formula was fitted for fresh water.</exception>
    public static double SaturationMilligramsPerLitre(double waterTemperatureCelsius)
    {
        if (!(waterTemperatureCelsius is >= 0 and <= 40))
        {
            throw new ArgumentOutOfRangeException(nameof(waterTemperatureCelsius), waterTemperatureCelsius,
                "oxygen saturation is computed for fresh water from 0 to 40 °C");
        }

        var t = waterTemperatureCelsius + 273.15;
        return Math.Exp(-139.34410 + 1.575701e5 / t - 6.642308e7 / (t * t) + 1.243800e10 / (t * t * t) - 8.621949e11 / (t * t * t * t));
    }

    /// <summary>A dissolved-oxygen concentration (mg/L) as % of saturation at the water's temperature.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is outside 0–40 °C, or the concentration is negative or not finite.</exception>
    public static double PercentSaturation(double dissolvedOxygenMilligramsPerLitre, double waterTemperatureCelsius)
    {
        if (!(dissolvedOxygenMilligramsPerLitre >= 0) || double.IsInfinity(dissolvedOxygenMilligramsPerLitre))
        {
            throw new ArgumentOutOfRangeException(nameof(dissolvedOxygenMilligramsPerLitre), dissolvedOxygenMilligramsPerLitre,
                "a dissolved-oxygen concentration is a finite number of mg/L, zero or more");
        }

        return 100 * dissolvedOxygenMilligramsPerLitre / SaturationMilligramsPerLitre(waterTemperatureCelsius);
    }
}
