using System.Globalization;
using CsvHelper;

namespace Moci.Ingest.Exports;

/// <summary>The CsvHelper settings and time formats of each <see cref="CsvDialect"/>.</summary>
public static class CsvDialects
{
    /// <summary>
    /// Numbers with a decimal comma and no digit grouping, as spreadsheets under sq-AL or de-DE settings read
    /// them; everything else invariant, so that a file never depends on the culture of the machine that wrote it.
    /// </summary>
    public static readonly CultureInfo DecimalComma = CreateDecimalComma();

    /// <summary>The separator of the dialect.</summary>
    public static char Separator(CsvDialect dialect) => dialect == CsvDialect.Spreadsheet ? ';' : ',';

    /// <summary>The culture numbers are written (and read back) with.</summary>
    public static CultureInfo Culture(CsvDialect dialect) => dialect == CsvDialect.Spreadsheet ? DecimalComma : CultureInfo.InvariantCulture;

    /// <summary>The format of the UTC column: ISO 8601 with 'Z' (RFC 3339), or a form spreadsheets take as a date.</summary>
    public static string UtcFormat(CsvDialect dialect) => dialect == CsvDialect.Spreadsheet ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The format of the local column: ISO 8601 with the offset, or a form spreadsheets take as a date.</summary>
    public static string LocalFormat(CsvDialect dialect) => dialect == CsvDialect.Spreadsheet ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    /// <summary>Writer settings: RFC 4180 quoting in both dialects, '#' comment lines, and the formula guard for text only.</summary>
    public static CsvWriterOptions WriterOptions(CsvDialect dialect) => new()
    {
        Separator = Separator(dialect),
        FormatProvider = Culture(dialect),
        NewLine = "\r\n",
        CommentPrefix = '#',
        WriteByteOrderMark = dialect == CsvDialect.Spreadsheet,

        // Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading ' and quotes
        // (OWASP, "CSV Injection"). CsvHelper leaves numbers and dates alone, so -5.2 stays a number.
        Injection = CsvInjection.Escape,
    };

    /// <summary>Reader settings that read an export of the dialect back (for tests and for other programs).</summary>
    public static CsvReaderOptions ReaderOptions(CsvDialect dialect) => new()
    {
        Separator = Separator(dialect),
        FormatProvider = Culture(dialect),
        CommentPrefix = '#',
        HasHeader = true,
    };

    private static CultureInfo CreateDecimalComma()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "";
        return CultureInfo.ReadOnly(culture);
    }
}
