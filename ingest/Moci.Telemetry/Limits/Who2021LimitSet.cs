namespace Moci.Telemetry.Limits;

/// <summary>
/// The <c>who2021</c> table: the guideline levels and interim targets of the WHO global air quality guidelines of
/// 2021 (https://iris.who.int/handle/10665/345329).
/// </summary>
internal static class Who2021LimitSet
{
    private const string Id = "who2021";
    private const string Url = "https://iris.who.int/handle/10665/345329";
    private const string Table = "WHO global air quality guidelines (2021), executive summary, recommended AQG levels and interim targets, " + Url;

    // WHO: short-term levels are the 99th percentile of the year's daily values, "3–4 exceedance days per year".
    // 1 % of 365 days is 3.65: a fourth day above the level puts the 99th percentile above it.
    private const int ShortTermPermitted = 3;
    private const string ShortTermNote =
        "99th percentile of the year's daily values (3–4 exceedance days per year); the hub counts more than 3 days above the level as not meeting it.";

    public static LimitSet Create() => new(
        Id,
        "WHO global air quality guidelines 2021",
        "WHO global air quality guidelines: particulate matter (PM2.5 and PM10), ozone, nitrogen dioxide, sulfur " +
        "dioxide and carbon monoxide. Geneva: World Health Organization; 22 September 2021. ISBN 978-92-4-003422-8",
        "Health recommendations, not law; they replace the WHO guidelines of 2005.",
        Url,
        "Values as tabulated in the guidelines' executive summary, read from AirClim's copy " +
        "(https://www.airclim.org/who-air-quality-guidelines) and cross-checked with two other summaries; the SO2 " +
        "24-hour level is 40 µg/m³ (AirClim's copy prints 50, the other copies and the guidelines 40).",
        new CompletenessRule("calendar year", "periods", new CoverageRequirement(17, 20),
            "The WHO guidelines set no data-capture rule; the hub applies the EU rule of Directive (EU) 2024/2881 " +
            "Annex V (85 %), https://eur-lex.europa.eu/eli/dir/2024/2881/oj"),
        [
            Guideline(AirPollutants.Pm2_5, "PM2.5", AveragingPeriod.CalendarYear, 5),
            Guideline(AirPollutants.Pm2_5, "PM2.5", AveragingPeriod.OneDay, 15),
            Guideline(AirPollutants.Pm10, "PM10", AveragingPeriod.CalendarYear, 15),
            Guideline(AirPollutants.Pm10, "PM10", AveragingPeriod.OneDay, 45),
            Guideline(AirPollutants.O3, "O₃", AveragingPeriod.PeakSeason, 60),
            Guideline(AirPollutants.O3, "O₃", AveragingPeriod.MaximumDailyEightHourMean, 100),
            Guideline(AirPollutants.No2, "NO₂", AveragingPeriod.CalendarYear, 10),
            Guideline(AirPollutants.No2, "NO₂", AveragingPeriod.OneDay, 25),
            Guideline(AirPollutants.So2, "SO₂", AveragingPeriod.OneDay, 40),
            Guideline(AirPollutants.Co, "CO", AveragingPeriod.OneDay, 4),
        ],
        [
            .. Targets(AirPollutants.Pm2_5, "PM2.5", AveragingPeriod.CalendarYear, 35, 25, 15, 10),
            .. Targets(AirPollutants.Pm2_5, "PM2.5", AveragingPeriod.OneDay, 75, 50, 37.5, 25),
            .. Targets(AirPollutants.Pm10, "PM10", AveragingPeriod.CalendarYear, 70, 50, 30, 20),
            .. Targets(AirPollutants.Pm10, "PM10", AveragingPeriod.OneDay, 150, 100, 75, 50),
            .. Targets(AirPollutants.O3, "O₃", AveragingPeriod.PeakSeason, 100, 70),
            .. Targets(AirPollutants.O3, "O₃", AveragingPeriod.MaximumDailyEightHourMean, 160, 120),
            .. Targets(AirPollutants.No2, "NO₂", AveragingPeriod.CalendarYear, 40, 30, 20),
            .. Targets(AirPollutants.No2, "NO₂", AveragingPeriod.OneDay, 120, 50),
            .. Targets(AirPollutants.So2, "SO₂", AveragingPeriod.OneDay, 125, 50),
            .. Targets(AirPollutants.Co, "CO", AveragingPeriod.OneDay, 7),
        ]);

    private static bool IsShortTerm(AveragingPeriod period) =>
        period is AveragingPeriod.OneDay or AveragingPeriod.MaximumDailyEightHourMean;

    private static (string Unit, string Symbol) UnitOf(string metric) =>
        metric == AirPollutants.Co ? ("mg/m3", "mg/m³") : ("ug/m3", "µg/m³");

    private static LimitValue Guideline(string metric, string label, AveragingPeriod period, double level)
    {
        var (unit, symbol) = UnitOf(metric);
        var shortTerm = IsShortTerm(period);
        return new(Id, metric, label, period, level, unit, symbol, shortTerm ? ShortTermPermitted : null,
            LimitKind.GuidelineLevel, Table, shortTerm ? ShortTermNote : null, "AQG");
    }

    private static IEnumerable<LimitValue> Targets(string metric, string label, AveragingPeriod period, params double[] levels)
    {
        var (unit, symbol) = UnitOf(metric);
        var shortTerm = IsShortTerm(period);
        return levels.Select((level, i) => new LimitValue(Id, metric, label, period, level, unit, symbol,
            shortTerm ? ShortTermPermitted : null, LimitKind.InterimTarget, Table, shortTerm ? ShortTermNote : null, $"IT-{i + 1}"));
    }
}
