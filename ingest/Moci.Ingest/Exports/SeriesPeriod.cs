using Moci.Ingest.Queries;

namespace Moci.Ingest.Exports;

/// <summary>An hour or day of the long layout with the index of its series in <see cref="ExportRequest.Series"/>.</summary>
public readonly record struct SeriesPeriod(int Series, PeriodSummary Period);
