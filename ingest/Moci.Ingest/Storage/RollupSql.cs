using Moci.Telemetry.Readings;

namespace Moci.Ingest.Storage;

/// <summary>
/// The rollup tables of the SQLite store and the SQL that fills them. A rollup row holds, for one series and one
/// UTC hour or day, the count of readings, the count of valid ones and the sum, lowest and highest of the valid
/// values (see <see cref="Rollup"/>). Periods start at multiples of their length in Unix milliseconds, which are
/// whole UTC hours and days.
/// </summary>
internal static class RollupSql
{
    public const long HourMilliseconds = 3_600_000;

    public const long DayMilliseconds = 86_400_000;

    /// <summary>
    /// SQL that is true for a valid row of <c>readings</c>: no flag but provenance ones set, and a finite value (a
    /// database of an earlier release may hold ±infinity; SQLite cannot hold NaN). The twin of <see cref="IsValid"/>.
    /// </summary>
    public static readonly string Valid = $"(flags & ~{(int)QaFlagsExtensions.Provenance}) = 0 AND abs(value) <= 1.7976931348623157e308";

    /// <summary>Whether a reading counts as valid in the rollups; the twin of <see cref="Valid"/>.</summary>
    public static bool IsValid(double value, QaFlags flags) => double.IsFinite(value) && !flags.IsSuspect();

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS rollups_hour (
            series      INTEGER NOT NULL REFERENCES series (id),
            start       INTEGER NOT NULL,
            value_count INTEGER NOT NULL,
            valid_count INTEGER NOT NULL,
            valid_sum   REAL    NOT NULL,
            valid_min   REAL,
            valid_max   REAL,
            PRIMARY KEY (series, start)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollups_day (
            series      INTEGER NOT NULL REFERENCES series (id),
            start       INTEGER NOT NULL,
            value_count INTEGER NOT NULL,
            valid_count INTEGER NOT NULL,
            valid_sum   REAL    NOT NULL,
            valid_min   REAL,
            valid_max   REAL,
            PRIMARY KEY (series, start)
        ) WITHOUT ROWID;
        """;

    public const string Columns = "series, start, value_count, valid_count, valid_sum, valid_min, valid_max";

    public static string Table(RollupPeriod period) => period == RollupPeriod.Hour ? "rollups_hour" : "rollups_day";

    public static long Milliseconds(RollupPeriod period) => period == RollupPeriod.Hour ? HourMilliseconds : DayMilliseconds;

    /// <summary>The start of the period of <paramref name="length"/> milliseconds that holds <paramref name="milliseconds"/> (also before 1970).</summary>
    public static long Floor(long milliseconds, long length) => milliseconds - ((milliseconds % length) + length) % length;

    /// <summary>Adds a batch's share (parameters 1–7 in the order of <see cref="Columns"/>) to a period's row, creating it when the period is new.</summary>
    public static string Upsert(RollupPeriod period) => $"""
        INSERT INTO {Table(period)} ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT (series, start) DO UPDATE SET
            value_count = value_count + excluded.value_count,
            valid_count = valid_count + excluded.valid_count,
            valid_sum = valid_sum + excluded.valid_sum,
            valid_min = CASE WHEN valid_min IS NULL OR excluded.valid_min < valid_min THEN excluded.valid_min ELSE valid_min END,
            valid_max = CASE WHEN valid_max IS NULL OR excluded.valid_max > valid_max THEN excluded.valid_max ELSE valid_max END
        """;

    /// <summary>Fills <paramref name="target"/> with the hourly rollups of the readings that <paramref name="where"/> selects.</summary>
    public static string HoursFromReadings(string target, string where) => $"""
        INSERT INTO {target} ({Columns})
        SELECT series, {FloorSql("ts", HourMilliseconds)}, count(*), count(v), total(v), min(v), max(v)
        FROM (SELECT series, ts, CASE WHEN {Valid} THEN value END AS v FROM readings WHERE {where})
        GROUP BY 1, 2
        """;

    /// <summary>Fills <paramref name="target"/> with the daily rollups that the hourly ones in <paramref name="source"/> selected by <paramref name="where"/> add up to.</summary>
    public static string DaysFromHours(string target, string source, string where) => $"""
        INSERT INTO {target} ({Columns})
        SELECT series, {FloorSql("start", DayMilliseconds)}, sum(value_count), sum(valid_count), total(valid_sum), min(valid_min), max(valid_max)
        FROM {source} WHERE {where}
        GROUP BY 1, 2
        """;

    /// <summary>The readings of every series rolled up, for a database that had readings before it had rollups.</summary>
    public static readonly string FillAll = HoursFromReadings("rollups_hour", "1") + ";\n" + DaysFromHours("rollups_day", "rollups_hour", "1") + ";\n";

    private static string FloorSql(string column, long length) => $"({column} - (({column} % {length}) + {length}) % {length})";
}
