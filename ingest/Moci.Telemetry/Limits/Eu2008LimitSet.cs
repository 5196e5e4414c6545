namespace Moci.Telemetry.Limits;

/// <summary>
/// The <c>eu2008</c> table: the limit values for the protection of human health of Directive 2008/50/EC
/// (https://eur-lex.europa.eu/eli/dir/2008/50/oj), in force until the directive is repealed on 12 December 2026.
/// </summary>
internal static class Eu2008LimitSet
{
    private const string Id = "eu2008";
    private const string Act = "Directive 2008/50/EC";
    private const string Url = "https://eur-lex.europa.eu/eli/dir/2008/50/oj";
    private const string AnnexXiB = Act + ", Annex XI section B, " + Url;

    public static LimitSet Create() => new(
        Id,
        "EU Ambient Air Quality Directive 2008/50/EC: limit values for the protection of human health",
        "Directive 2008/50/EC of the European Parliament and of the Council of 21 May 2008 on ambient air quality " +
        "and cleaner air for Europe, OJ L 152, 11.6.2008, p. 1, as amended by Commission Directive (EU) 2015/1480",
        "In force; repealed with effect from 12 December 2026 by Directive (EU) 2024/2881 (Article 31).",
        Url,
        "Annex XI B, XIV E and VII B values, checked against the EEA's descriptions of the directive's limit values " +
        "(eea.europa.eu, figures on PM10, NO2 and SO2 limit values) and the ECHA list of the directive's annexes " +
        "(echa.europa.eu, air-annexes-2008-50).",
        new CompletenessRule("calendar year", "periods", new CoverageRequirement(9, 10),
            Act + " Annex XI section A (annual mean: 90 % of the one-hour or, if not available, 24-hour values over " +
            "the year) and Annex I section A (minimum data capture of fixed measurements: 90 %), " + Url),
        [
            Value(AirPollutants.Pm10, "PM10", AveragingPeriod.OneDay, 50, 35, AnnexXiB),
            Value(AirPollutants.Pm10, "PM10", AveragingPeriod.CalendarYear, 40, null, AnnexXiB),
            Value(AirPollutants.Pm2_5, "PM2.5", AveragingPeriod.CalendarYear, 25, null,
                Act + ", Annex XIV section E (limit value, stage 1, from 1 January 2015), " + Url),
            Value(AirPollutants.No2, "NO₂", AveragingPeriod.OneHour, 200, 18, AnnexXiB),
            Value(AirPollutants.No2, "NO₂", AveragingPeriod.CalendarYear, 40, null, AnnexXiB),
            Value(AirPollutants.So2, "SO₂", AveragingPeriod.OneHour, 350, 24, AnnexXiB),
            Value(AirPollutants.So2, "SO₂", AveragingPeriod.OneDay, 125, 3, AnnexXiB),
            new(Id, AirPollutants.Co, "CO", AveragingPeriod.MaximumDailyEightHourMean, 10, "mg/m3", "mg/m³", null,
                LimitKind.LimitValue, AnnexXiB),
            Value(AirPollutants.Benzene, "Benzene", AveragingPeriod.CalendarYear, 5, null, AnnexXiB),
            new(Id, AirPollutants.O3, "O₃", AveragingPeriod.MaximumDailyEightHourMean, 120, "ug/m3", "µg/m³", 25,
                LimitKind.TargetValue, Act + ", Annex VII section B, " + Url,
                "Target value: not to be exceeded on more than 25 days per calendar year averaged over three years."),
        ]);

    private static LimitValue Value(string metric, string label, AveragingPeriod period, double threshold, int? permitted, string source) =>
        new(Id, metric, label, period, threshold, "ug/m3", "µg/m³", permitted, LimitKind.LimitValue, source);
}
