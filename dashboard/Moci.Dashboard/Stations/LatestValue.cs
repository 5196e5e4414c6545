using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Stations;

/// <summary>A station's newest reading of one metric, with the metric that explains it.</summary>
public sealed record LatestValue(Metric Metric, Reading Reading)
{
    public bool Flagged => Reading.Flags != QaFlags.None;
}
