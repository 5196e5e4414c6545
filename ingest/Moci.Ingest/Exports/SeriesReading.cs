using Moci.Telemetry.Readings;

namespace Moci.Ingest.Exports;

/// <summary>A reading of the long layout with the index of its series in <see cref="ExportRequest.Series"/>.</summary>
public readonly record struct SeriesReading(int Series, Reading Reading);
