using System.Globalization;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Indices;

/// <summary>
/// Reference bands for the river stations' pH, dissolved oxygen and water temperature. The EU Water Framework
/// Directive (2000/60/EC) sets no EU-wide numbers for these: Member States set type-specific boundaries, and
/// Albania's were not found. The schemes here are published ones students can compare with. Thread-safe: immutable.
/// </summary>
public static class WaterBands
{
    private const string FishDirective =
        "Directive 2006/44/EC (quality of fresh waters needing protection or improvement in order to support fish life), " +
        "Annex I, https://www.legislation.gov.uk/eudr/2006/44/annexes; repealed on 22 December 2013 by the Water " +
        "Framework Directive 2000/60/EC and used here as a reference, not as law in force";

    private static readonly double Inf = double.PositiveInfinity;

    /// <summary>pH 6.0–9.0, the mandatory range of the Freshwater Fish Directive for salmonid and cyprinid waters.</summary>
    public static WaterBandScheme FishLifePh { get; } = new(
        "ph-fish-2006", "pH range for fish life (Directive 2006/44/EC)", "ph", "pH",
        "The directive's mandatory value for samples of designated waters; the hub applies it to hourly means.",
        FishDirective,
        "The range \"between 6,0 and 9,0\" read in the annex's note on artificial pH variations on legislation.gov.uk.",
        [
            new(1, "Within the fish-life range (6.0–9.0)", null, 6.0, true, 9.0, true),
            new(2, "Too acidic for fish life (below 6.0)", null, -Inf, false, 6.0, false),
            new(2, "Too alkaline for fish life (above 9.0)", null, 9.0, false, Inf, false),
        ]);

    /// <summary>
    /// Water temperature against the Freshwater Fish Directive's maxima: 10 °C for the breeding of cold-water
    /// species, 21.5 °C for salmonid waters, 28 °C for cyprinid waters.
    /// </summary>
    public static WaterBandScheme FishLifeTemperature { get; } = new(
        "temperature-fish-2006", "Water temperature against the fish-life maxima (Directive 2006/44/EC)", "water_temperature", "°C",
        "The directive sets the maxima for water downstream of a thermal discharge, the 10 °C one only in the breeding " +
        "season of species that need cold water to reproduce; the hub compares hourly means with them.",
        FishDirective,
        "The 10 °C, 21.5 °C and 28 °C maxima are the annex's values as commonly transcribed; they were not re-read in " +
        "the annex text for this table.",
        [
            new(1, "Cold enough for cold-water spawning (10 °C or less)", null, -Inf, false, 10, true),
            new(2, "Within the salmonid-water maximum (21.5 °C or less)", null, 10, false, 21.5, true),
            new(3, "Above the salmonid-water maximum, within the cyprinid-water maximum (28 °C or less)", null, 21.5, false, 28, true),
            new(4, "Above the cyprinid-water maximum (over 28 °C)", null, 28, false, Inf, false),
        ]);

    /// <summary>Dissolved oxygen in mg/L, the Swedish EPA's classes of oxygen conditions in lakes and watercourses.</summary>
    public static WaterBandScheme SwedishOxygen { get; } = new(
        "oxygen-se", "Oxygen conditions (Swedish EPA quality criteria for lakes and watercourses)", "dissolved_oxygen", "mg/L",
        "The criteria classify the year's minimum concentration; the hub applies them to hourly means.",
        "Swedish Environmental Protection Agency, Environmental Quality Criteria – Lakes and Watercourses, oxygen " +
        "conditions (annual minimum, mg/L): ≥ 7; 5–7; 3–5; 1–3; ≤ 1",
        "Class limits read from a copy of the report's English edition (yumpu); the names of classes 2–4 are the " +
        "hub's wording, the report's own names were not copied.",
        [
            new(1, "Oxygen-rich (7 mg/L or more)", null, 7, true, Inf, false),
            new(2, "Moderately oxygen-rich (5–7 mg/L)", null, 5, true, 7, false),
            new(3, "Moderately oxygen-poor (3–5 mg/L)", null, 3, true, 5, false),
            new(4, "Oxygen-poor (1–3 mg/L)", null, 1, false, 3, false),
            new(5, "Oxygen-free or nearly so (1 mg/L or less)", null, -Inf, false, 1, true),
        ]);

    /// <summary>
    /// Dissolved oxygen as % saturation, the grades of the former General Quality Assessment of rivers in England
    /// and Wales: A ≥ 80, B ≥ 70, C ≥ 60, D ≥ 50, E ≥ 20, F below 20.
    /// </summary>
    public static WaterBandScheme GqaOxygenSaturation { get; } = new(
        "oxygen-gqa", "Dissolved oxygen grades of the General Quality Assessment (England and Wales)", "dissolved_oxygen", "% saturation",
        "The GQA graded the 10-percentile of a river stretch's samples; the hub applies the grades to hourly means.",
        "House of Commons, written answer on river quality, 3 December 2001, " +
        "https://api.parliament.uk/historic-hansard/written_answers/2001/dec/03/river-quality",
        "Grade limits as printed in the written answer.",
        [
            new(1, "Grade A (80 % or more)", null, 80, true, Inf, false),
            new(2, "Grade B (70–80 %)", null, 70, true, 80, false),
            new(3, "Grade C (60–70 %)", null, 60, true, 70, false),
            new(4, "Grade D (50–60 %)", null, 50, true, 60, false),
            new(5, "Grade E (20–50 %)", null, 20, true, 50, false),
            new(6, "Grade F (below 20 %)", null, -Inf, false, 20, false),
        ]);

    /// <summary>Every scheme.</summary>
    public static IReadOnlyList<WaterBandScheme> All { get; } = [FishLifePh, FishLifeTemperature, SwedishOxygen, GqaOxygenSaturation];

    /// <summary>
    /// The GQA grade of the last whole hour before <paramref name="at"/>: its dissolved-oxygen mean (mg/L) as %
    /// saturation at the same hour's water temperature (<see cref="OxygenSolubility"/>). Both hours must be valid.
    /// </summary>
    /// <exception cref="ArgumentException">The hours are not hourly aggregates on whole hours, or repeat.</exception>
    public static IndexReading ReadOxygenSaturation(IEnumerable<PeriodAggregate> oxygenHours, IEnumerable<PeriodAggregate> temperatureHours, DateTimeOffset at)
    {
        var scheme = GqaOxygenSaturation;
        var end = HourlyWindow.LastHourEnd(at);
        var window = new AveragingWindow("1-hour mean", end.AddHours(-1), end, 0, 1);
        var oxygen = HourlyWindow.ValidMeans(oxygenHours, window.From, end, nameof(oxygenHours));
        var temperature = HourlyWindow.ValidMeans(temperatureHours, window.From, end, nameof(temperatureHours));
        if (oxygen.Count == 0 || temperature.Count == 0)
        {
            var missing = oxygen.Count == 0 ? "dissolved oxygen" : "water temperature";
            return new IndexReading(scheme.Id, scheme.Metric, IndexStatus.NotEnoughData, null, null, null, null, window,
                string.Create(CultureInfo.InvariantCulture, $"no valid hourly mean of {missing} for {window.From:yyyy-MM-dd HH:mm}–{end:HH:mm}Z: % saturation needs both"));
        }

        if (temperature[0] is < 0 or > 40 || oxygen[0] < 0)
        {
            return new IndexReading(scheme.Id, scheme.Metric, IndexStatus.Invalid, null, oxygen[0], null, null, window with { ValidHours = 1 },
                string.Create(CultureInfo.InvariantCulture, $"% saturation is computed for 0–40 °C and a non-negative concentration; the hour had {temperature[0]:0.#} °C and {oxygen[0]:0.##} mg/L"));
        }

        var saturation = OxygenSolubility.PercentSaturation(oxygen[0], temperature[0]);
        return scheme.Reading(oxygen[0], saturation, window with { ValidHours = 1 });
    }
}
