namespace Moci.Telemetry.Limits;

/// <summary>
/// The EU reference method's data-capture rules for aggregating data and calculating statistics, Directive
/// 2008/50/EC Annex XI section A (and Annex VII section A.2 for ozone), https://eur-lex.europa.eu/eli/dir/2008/50/oj.
/// Thread-safe: immutable.
/// </summary>
/// <remarks>
/// What is and is not checked here: the hourly, eight-hourly and daily 75 % rules are those of Annex XI A, and
/// the EEA's data dictionary defines an hourly mean the same way ("calculated if at least 45 valid minutes values
/// are available", http://dd.eionet.europa.eu/vocabulary/aq/primaryObservation/hour). The annual rule differs
/// between the two directives and is therefore part of each <see cref="LimitSet"/>
/// (<see cref="LimitSet.AnnualCoverage"/>). The directives exclude data lost to regular calibration and
/// maintenance from those shares; the hub cannot tell such gaps from others and counts every gap, so it is stricter.
/// </remarks>
public static class CompletenessRules
{
    private const string AnnexXiA = "Directive 2008/50/EC Annex XI section A, https://eur-lex.europa.eu/eli/dir/2008/50/oj";

    /// <summary>A one-hour mean needs 75 % of the hour: 45 of 60 minutes, or 540 of 720 readings at 5 s.</summary>
    public static CompletenessRule HourlyMean { get; } =
        new("hourly mean", "values", CoverageRequirement.ThreeQuarters, AnnexXiA);

    /// <summary>A 24-hour mean needs 75 % of its hourly means: at least 18 of 24.</summary>
    public static CompletenessRule DailyMean { get; } =
        new("daily mean", "hours", CoverageRequirement.ThreeQuarters, AnnexXiA);

    /// <summary>An eight-hour mean needs 75 % of its hourly means: six of eight.</summary>
    public static CompletenessRule EightHourMean { get; } =
        new("8-hour mean", "hours", CoverageRequirement.ThreeQuarters, AnnexXiA);

    /// <summary>A day's maximum eight-hour mean needs 75 % of the day's running eight-hour means: 18 of 24.</summary>
    public static CompletenessRule MaximumDailyEightHourMean { get; } =
        new("maximum daily 8-hour mean", "8-hour means", CoverageRequirement.ThreeQuarters, AnnexXiA);

    /// <summary>
    /// The 24-hour running mean of the European Air Quality Index needs 18 of the last 24 hourly values
    /// (EEA, European Air Quality Index, https://airindex.eea.europa.eu).
    /// </summary>
    public static CompletenessRule EaqiRunningMean { get; } =
        new("24-hour running mean", "hours", CoverageRequirement.ThreeQuarters,
            "EEA European Air Quality Index, https://airindex.eea.europa.eu");

    /// <summary>
    /// A daily US AQI for PM needs 75 % of the day's hours, 18 of 24 (AirNow, "Daily and Hourly AQI – PM2.5",
    /// https://forum.airnowtech.org/t/daily-and-hourly-aqi-pm2-5/171).
    /// </summary>
    public static CompletenessRule UsAqiDailyMean { get; } =
        new("24-hour mean", "hours", CoverageRequirement.ThreeQuarters,
            "AirNow, Daily and Hourly AQI – PM2.5, https://forum.airnowtech.org/t/daily-and-hourly-aqi-pm2-5/171");
}
