namespace Moci.Ingest.Exports;

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    /// <summary>Comma- or semicolon-separated values (see <see cref="CsvDialect"/>).</summary>
    Csv,

    /// <summary>One JSON document (RFC 8259), written as it is read.</summary>
    Json,
}
