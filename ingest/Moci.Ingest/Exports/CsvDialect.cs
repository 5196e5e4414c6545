namespace Moci.Ingest.Exports;

/// <summary>Which conventions a CSV export follows.</summary>
public enum CsvDialect
{
    /// <summary>RFC 4180: comma separator, decimal point, CRLF, UTF-8 without a byte order mark. For programs.</summary>
    Rfc4180,

    /// <summary>
    /// For spreadsheets under regional settings that use a decimal comma (Albanian sq-AL, German de-DE …):
    /// UTF-8 with a byte order mark (so that Excel reads UTF-8), ';' separator, decimal comma, and times as
    /// <c>yyyy-MM-dd HH:mm:ss</c>, which LibreOffice and Excel take as dates.
    /// </summary>
    Spreadsheet,
}
