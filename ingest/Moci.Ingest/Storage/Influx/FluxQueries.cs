using System.Globalization;
using System.Text;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// Every Flux query of <see cref="InfluxReadingStore"/>, as text. InfluxDB 2.x (open source) takes no query
/// parameters, so station ids, metric ids and the bucket go into the text as string literals escaped by
/// <see cref="String"/>: a hostile id stays a value and can never end the literal. Times are RFC 3339 literals in
/// UTC to the millisecond, clamped to the span Flux can hold (64-bit nanoseconds since 1970). Ranges are
/// half-open, as Flux's <c>range(start, stop)</c> is. Thread-safe: pure functions.
/// </summary>
internal static class FluxQueries
{
    /// <summary>The earliest instant a query asks for: a whole UTC day inside Flux's range (it starts 1677-09-21).</summary>
    public static readonly DateTimeOffset MinTime = new(1677, 9, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant a query asks for: a whole UTC day inside Flux's range (it ends 2262-04-11T23:47Z).</summary>
    public static readonly DateTimeOffset MaxTime = new(2262, 4, 11, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The readings of one series in <paramref name="range"/>, oldest first: columns <c>_time</c>, <c>value</c>, <c>flags</c>.</summary>
    public static string Readings(string bucket, string station, string metric, TimeRange range) => $"""
        from(bucket: {String(bucket)})
          |> range(start: {Time(range.From)}, stop: {Time(range.To)})
          |> filter(fn: (r) => {SeriesPredicate(station, metric)})
          |> filter(fn: (r) => {FieldsPredicate})
          |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
          |> group()
          |> sort(columns: ["_time"])
          |> keep(columns: ["_time", "{InfluxSchema.ValueField}", "{InfluxSchema.FlagsField}"])
        """;

    /// <summary>
    /// The hourly or daily rollups of one series whose period starts in <paramref name="range"/>, oldest first:
    /// columns <c>_time</c> (the period's start), <c>count</c>, <c>validCount</c>, <c>validSum</c>, <c>validMin</c>,
    /// <c>validMax</c>. Computed when asked, by <c>aggregateWindow</c> over UTC hours or days (Flux aligns windows to
    /// 1970-01-01T00:00Z); a period with no reading has no row. <c>validMin</c> and <c>validMax</c> mean nothing when
    /// <c>validCount</c> is 0.
    /// </summary>
    public static string Rollups(string bucket, string station, string metric, RollupPeriod period, TimeRange range)
    {
        // A period belongs to the answer when it starts in the range: its readings lie between the first period
        // start at or after From and the first period start at or after To.
        var length = period == RollupPeriod.Hour ? TimeRange.Hour : TimeRange.Day;
        var start = CeilingTo(Clamp(range.From), length);
        var stop = CeilingTo(Clamp(range.To), length);
        var every = period == RollupPeriod.Hour ? "1h" : "1d";
        var validFlags = string.Join(", ", InfluxSchema.ValidFlags.Select(f => f.ToString(CultureInfo.InvariantCulture)));
        return $$"""
            from(bucket: {{String(bucket)}})
              |> range(start: {{Time(start)}}, stop: {{Time(stop)}})
              |> filter(fn: (r) => {{SeriesPredicate(station, metric)}})
              |> filter(fn: (r) => {{FieldsPredicate}})
              |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
              |> map(fn: (r) => ({r with valid: contains(value: r.flags, set: [{{validFlags}}])}))
              |> aggregateWindow(every: {{every}}, createEmpty: false, timeSrc: "_start", fn: (column, tables=<-) => tables
                  |> reduce(
                      identity: {count: 0, validCount: 0, validSum: 0.0, validMin: 0.0, validMax: 0.0},
                      fn: (r, accumulator) => ({
                          count: accumulator.count + 1,
                          validCount: if r.valid then accumulator.validCount + 1 else accumulator.validCount,
                          validSum: if r.valid then accumulator.validSum + r.value else accumulator.validSum,
                          validMin: if r.valid and (accumulator.validCount == 0 or r.value < accumulator.validMin) then r.value else accumulator.validMin,
                          validMax: if r.valid and (accumulator.validCount == 0 or r.value > accumulator.validMax) then r.value else accumulator.validMax
                      })))
              |> group()
              |> sort(columns: ["_time"])
              |> keep(columns: ["_time", "count", "validCount", "validSum", "validMin", "validMax"])
            """;
    }

    /// <summary>
    /// The newest reading of every series (of one station, when <paramref name="station"/> is not null) at or before
    /// <paramref name="now"/>: columns <c>_time</c>, <c>station</c>, <c>metric</c>, <c>value</c>, <c>flags</c>.
    /// <c>last()</c> comes straight after the filters, where InfluxDB answers it from its index.
    /// </summary>
    public static string Latest(string bucket, string? station, DateTimeOffset now)
    {
        var stationFilter = station is null ? "" : $" and r.{InfluxSchema.StationTag} == {String(station)}";
        return $"""
            from(bucket: {String(bucket)})
              |> range(start: {Time(MinTime)}, stop: {Time(Clamp(FloorMillisecond(now).AddMilliseconds(1)))})
              |> filter(fn: (r) => r._measurement == {String(InfluxSchema.Measurement)}{stationFilter})
              |> filter(fn: (r) => {FieldsPredicate})
              |> last()
              |> pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value")
              |> group()
              |> keep(columns: ["_time", "{InfluxSchema.StationTag}", "{InfluxSchema.MetricTag}", "{InfluxSchema.ValueField}", "{InfluxSchema.FlagsField}"])
            """;
    }

    /// <summary>The times of the newest <paramref name="sample"/> readings of one series before <paramref name="before"/>, oldest first: column <c>_time</c>.</summary>
    public static string NewestTimes(string bucket, string station, string metric, DateTimeOffset before, int sample) => $"""
        from(bucket: {String(bucket)})
          |> range(start: {Time(MinTime)}, stop: {Time(Clamp(before))})
          |> filter(fn: (r) => {SeriesPredicate(station, metric)})
          |> filter(fn: (r) => r._field == "{InfluxSchema.ValueField}")
          |> tail(n: {sample.ToString(CultureInfo.InvariantCulture)})
          |> keep(columns: ["_time"])
        """;

    /// <summary>How many readings each series holds: columns <c>station</c>, <c>metric</c>, <c>_value</c> (the count).</summary>
    public static string CountPerSeries(string bucket) => $"""
        from(bucket: {String(bucket)})
          |> range(start: {Time(MinTime)}, stop: {Time(MaxTime)})
          |> filter(fn: (r) => r._measurement == {String(InfluxSchema.Measurement)} and r._field == "{InfluxSchema.ValueField}")
          |> count()
          |> group()
          |> keep(columns: ["{InfluxSchema.StationTag}", "{InfluxSchema.MetricTag}", "_value"])
        """;

    /// <summary>
    /// <paramref name="value"/> as a Flux string literal: in double quotes, with the backslash, the double quote and
    /// the interpolation opener <c>${</c> escaped, and control characters as escapes, so that the literal holds
    /// exactly the text it was given (Flux language specification, "String literals").
    /// </summary>
    public static string String(string value)
    {
        var literal = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': literal.Append(@"\\"); break;
                case '"': literal.Append("\\\""); break;
                case '\n': literal.Append(@"\n"); break;
                case '\r': literal.Append(@"\r"); break;
                case '\t': literal.Append(@"\t"); break;
                case '$' when i + 1 < value.Length && value[i + 1] == '{': literal.Append(@"\$"); break;
                case < ' ':
                    // Any other control character as its UTF-8 byte, which Flux reads back as the same character.
                    literal.Append(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}");
                    break;
                default: literal.Append(c); break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>An RFC 3339 time literal in UTC, to the millisecond (rounded up: stored times are whole milliseconds).</summary>
    public static string Time(DateTimeOffset instant) =>
        CeilingMillisecond(Clamp(instant)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string SeriesPredicate(string station, string metric) =>
        $"r._measurement == {String(InfluxSchema.Measurement)} and r.{InfluxSchema.StationTag} == {String(station)} and r.{InfluxSchema.MetricTag} == {String(metric)}";

    private const string FieldsPredicate = $"r._field == \"{InfluxSchema.ValueField}\" or r._field == \"{InfluxSchema.FlagsField}\"";

    private static DateTimeOffset Clamp(DateTimeOffset instant) =>
        instant < MinTime ? MinTime : instant > MaxTime ? MaxTime : instant.ToUniversalTime();

    private static DateTimeOffset FloorMillisecond(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static DateTimeOffset CeilingMillisecond(DateTimeOffset instant) => CeilingTo(instant, TimeSpan.FromMilliseconds(1));

    /// <summary>The first multiple of <paramref name="length"/> (counted from 0001-01-01, so whole UTC hours and days) at or after <paramref name="instant"/>.</summary>
    private static DateTimeOffset CeilingTo(DateTimeOffset instant, TimeSpan length)
    {
        var rest = instant.UtcTicks % length.Ticks;
        return rest == 0 ? instant.ToUniversalTime() : new DateTimeOffset(instant.UtcTicks - rest + length.Ticks, TimeSpan.Zero);
    }
}
