using Moci.Ingest.Stations;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Exports;

/// <summary>One series of an export: a station and a metric.</summary>
public sealed record ExportSeries(Station Station, Metric Metric);
