using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Exports;

/// <summary>
/// A checked export selection: stations and metrics (every metric of every station is a series), the half-open
/// UTC range [<paramref name="From"/>, <paramref name="To"/>), format, layout, CSV dialect and the zone of the
/// local-time column, and the resolution: the readings themselves, or per UTC hour or day from the rollups with their
/// completeness (as <c>GET /api/v1/readings</c> gives them, through <see cref="SeriesQueries"/>).
/// </summary>
public sealed record ExportRequest(
    IReadOnlyList<Station> Stations,
    IReadOnlyList<Metric> Metrics,
    DateTimeOffset From,
    DateTimeOffset To,
    ExportFormat Format,
    ExportLayout Layout,
    CsvDialect Dialect,
    TimeZoneInfo TimeZone,
    Resolution Resolution = Resolution.Raw)
{
    /// <summary>The series in export order: by station as requested, then by metric as requested.</summary>
    public IReadOnlyList<ExportSeries> Series { get; } = Stations.SelectMany(s => Metrics.Select(m => new ExportSeries(s, m))).ToList();

    /// <summary>Whether the rows are hours or days rather than readings.</summary>
    public bool Aggregated => Resolution != Resolution.Raw;

    /// <summary>The file extension without the dot.</summary>
    public string Extension => Format == ExportFormat.Json ? "json" : "csv";

    /// <summary>The media type with its parameters (RFC 4180 §3, RFC 7111 for <c>header=present</c>).</summary>
    public string ContentType => Format == ExportFormat.Json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8; header=present";
}
