using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Stations;

/// <summary>A station's newest reading of one metric, with the metric that explains it.</summary>
public sealed record LatestValue(Metric Metric, Reading Reading)
{
    /// <summary>True when a QA flag casts doubt on the value (not for mere provenance, such as hub-timed).</summary>
    public bool Flagged => Reading.Flags.IsSuspect();
}
