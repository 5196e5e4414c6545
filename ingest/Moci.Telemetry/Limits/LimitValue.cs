namespace Moci.Telemetry.Limits;

/// <summary>
/// One value of a limit set: a threshold for a pollutant over an averaging period, with the number of periods a
/// calendar year may exceed it and the place in the source document it comes from. Thread-safe: immutable.
/// </summary>
/// <param name="SetId">The limit set it belongs to, for example <c>eu2008</c>.</param>
/// <param name="Metric">The metric it applies to (<see cref="AirPollutants"/>), for example <c>pm10</c>.</param>
/// <param name="Label">The pollutant as people write it, for example "PM10".</param>
/// <param name="Period">What the threshold is compared with: a one-hour, one-day, … mean.</param>
/// <param name="Threshold">The value a mean must not exceed, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit as the metric catalogue spells it: <c>ug/m3</c>, or <c>mg/m3</c> for CO.</param>
/// <param name="UnitSymbol">The unit as printed: "µg/m³" or "mg/m³".</param>
/// <param name="PermittedExceedancesPerYear">
/// How many periods of a calendar year may be above <paramref name="Threshold"/> (35 days for the PM10 daily
/// limit of 2008/50/EC); <c>null</c> when the value is a mean over the year itself or the source permits none.
/// </param>
/// <param name="Kind">Limit value, target value, WHO guideline level or interim target.</param>
/// <param name="Source">Document, annex or table, and address of the text the value was read from.</param>
/// <param name="Note">What else the source attaches to the value (averaged over three years, a percentile, …).</param>
/// <param name="Level">The step's name for WHO interim targets ("IT-1" … "IT-4"); <c>null</c> otherwise.</param>
public sealed record LimitValue(
    string SetId,
    string Metric,
    string Label,
    AveragingPeriod Period,
    double Threshold,
    string Unit,
    string UnitSymbol,
    int? PermittedExceedancesPerYear,
    LimitKind Kind,
    string Source,
    string? Note = null,
    string? Level = null)
{
    /// <summary>
    /// True when a mean is above the threshold. "Not to be exceeded" means a mean equal to the threshold
    /// complies: 50.0 µg/m³ against the PM10 daily limit of 50 is not an exceedance, 50.1 is. No rounding.
    /// </summary>
    public bool IsExceededBy(double mean) => mean > Threshold;

    /// <summary>The averaging period as the tables write it: "1 hour", "1 day", "maximum daily 8-hour mean", "calendar year".</summary>
    public string PeriodName => LimitWording.Period(Period);

    /// <summary>One line for people: "PM10, 1 day: 50 µg/m³, not to be exceeded more than 35 times a calendar year".</summary>
    public string Describe()
    {
        var text = $"{Label}, {PeriodName}: {Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} {UnitSymbol}";
        return PermittedExceedancesPerYear is { } permitted
            ? $"{text}, not to be exceeded more than {permitted} times a calendar year"
            : text;
    }
}
