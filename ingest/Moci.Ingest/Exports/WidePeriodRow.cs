using Moci.Ingest.Queries;

namespace Moci.Ingest.Exports;

/// <summary>
/// One hour or day of the wide layout: for each series of <see cref="ExportRequest.Series"/>, whether it has
/// anything stored in the period starting at <see cref="Start"/>, and its summary. The same instance is refilled for
/// every row: read it before asking for the next.
/// </summary>
public sealed class WidePeriodRow(int seriesCount)
{
    /// <summary>The first instant of the period (UTC).</summary>
    public DateTimeOffset Start { get; internal set; }

    /// <summary>Whether series i has a summary for the period.</summary>
    public bool[] Present { get; } = new bool[seriesCount];

    /// <summary>The summary of series i (meaningful when present).</summary>
    public PeriodSummary[] Periods { get; } = new PeriodSummary[seriesCount];
}
