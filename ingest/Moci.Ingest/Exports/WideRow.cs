using Moci.Telemetry.Readings;

namespace Moci.Ingest.Exports;

/// <summary>
/// One instant of the wide layout: for each series of <see cref="ExportRequest.Series"/>, whether it has a
/// reading at <see cref="Timestamp"/>, and its value and flags. The same instance is refilled for every row, so
/// that a wide export allocates nothing per row: read it before asking for the next.
/// </summary>
public sealed class WideRow(int seriesCount)
{
    /// <summary>The instant (UTC).</summary>
    public DateTimeOffset Timestamp { get; internal set; }

    /// <summary>Whether series i has a reading at <see cref="Timestamp"/>.</summary>
    public bool[] Present { get; } = new bool[seriesCount];

    /// <summary>The value of series i in its metric's unit (meaningful when present).</summary>
    public double[] Values { get; } = new double[seriesCount];

    /// <summary>The QA flags of series i (meaningful when present).</summary>
    public QaFlags[] Flags { get; } = new QaFlags[seriesCount];
}
