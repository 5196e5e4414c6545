using System.Globalization;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// One record of a Flux answer (see <see cref="AnnotatedCsv"/>): its fields by column name, an empty field taken from
/// the table's <c>#default</c> annotation. Thread-safe: immutable.
/// </summary>
internal sealed class FluxRow(IReadOnlyDictionary<string, int> columns, string[] fields, string[] defaults)
{
    /// <summary>True when the record has a non-empty value in <paramref name="column"/>.</summary>
    public bool Has(string column) => Raw(column) is { Length: > 0 };

    /// <summary>The text of <paramref name="column"/>.</summary>
    /// <exception cref="FluxQueryException">The answer has no such column or no value in it.</exception>
    public string String(string column) =>
        Raw(column) is { Length: > 0 } text ? text : throw new FluxQueryException($"a Flux record has no value in column '{column}'");

    /// <summary>An RFC 3339 time (<c>dateTime:RFC3339</c>) as a UTC instant, to the tick (InfluxDB writes up to nanoseconds).</summary>
    public DateTimeOffset Time(string column = "_time")
    {
        var text = String(column);
        // .NET reads at most seven fractional digits: nanoseconds beyond the tick are cut, which millisecond times never have.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FluxQueryException($"'{text}' in column '{column}' is not an RFC 3339 time");
    }

    /// <summary>A <c>double</c> column (InfluxDB writes <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c> for the non-finite ones).</summary>
    public double Double(string column) => String(column) switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FluxQueryException($"'{text}' in column '{column}' is not a number"),
    };

    /// <summary>A <c>long</c> column.</summary>
    public long Long(string column) =>
        long.TryParse(String(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FluxQueryException($"'{String(column)}' in column '{column}' is not a whole number");

    private string? Raw(string column)
    {
        if (!columns.TryGetValue(column, out var index))
        {
            return null;
        }

        var text = index < fields.Length ? fields[index] : "";
        return text.Length == 0 && index < defaults.Length ? defaults[index] : text;
    }
}
