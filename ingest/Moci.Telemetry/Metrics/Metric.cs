namespace Moci.Telemetry.Metrics;

/// <summary>
/// One quantity the network measures. The <see cref="Name"/> is the SenML <c>n</c> on the wire and the
/// <c>metric</c> of the read API; names are never renamed, only added.
/// </summary>
/// <param name="Name">Wire and API name, for example <c>pm2_5</c>.</param>
/// <param name="Label">Short English label for people, for example "PM2.5".</param>
/// <param name="Unit">
/// The unit every stored value is in, spelled as SenML (RFC 8428) or its RFC 8798 secondary-unit
/// registry spells it where one exists; <see cref="UnitSymbol"/> is how people write it.
/// </param>
/// <param name="UnitSymbol">The unit as printed on charts and tables, for example "µg/m³".</param>
/// <param name="Medium">Air, water or device.</param>
/// <param name="PlausibleMinimum">
/// Lowest value the sensor class can physically report (DOMAIN.md §4.1); lower values are flagged
/// <see cref="Readings.QaFlags.OutOfRange"/>, never dropped.
/// </param>
/// <param name="PlausibleMaximum">Highest value the sensor class can physically report (DOMAIN.md §4.1).</param>
/// <param name="Decimals">Digits after the decimal point worth showing, given the sensor's resolution.</param>
/// <param name="Aliases">Other units accepted on the wire and how to convert them into <paramref name="Unit"/>.</param>
public sealed record Metric(
    string Name,
    string Label,
    string Unit,
    string UnitSymbol,
    Medium Medium,
    double PlausibleMinimum,
    double PlausibleMaximum,
    int Decimals,
    IReadOnlyList<UnitAlias> Aliases)
{
    /// <summary>True when <paramref name="value"/> lies inside the plausible range, ends included.</summary>
    public bool IsPlausible(double value) =>
        double.IsFinite(value) && value >= PlausibleMinimum && value <= PlausibleMaximum;

    /// <summary>
    /// Converts a value sent with <paramref name="unit"/> into this metric's unit. A missing unit means
    /// the metric's own unit (RFC 8428 allows a record without one).
    /// </summary>
    /// <returns>False when the unit is neither the metric's own unit nor one of its aliases.</returns>
    public bool TryConvertFrom(string? unit, double value, out double converted)
    {
        if (unit is null || unit == Unit)
        {
            converted = value;
            return true;
        }

        foreach (var alias in Aliases)
        {
            if (alias.Unit == unit)
            {
                converted = alias.ToMetricUnit(value);
                return true;
            }
        }

        converted = double.NaN;
        return false;
    }

    /// <summary>Formats a value with the metric's precision, without the unit (invariant culture unless given).</summary>
    public string Format(double value, IFormatProvider? culture = null) =>
        value.ToString("F" + Decimals, culture ?? System.Globalization.CultureInfo.InvariantCulture);
}
