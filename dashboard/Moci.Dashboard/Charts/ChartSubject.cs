using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Charts;

/// <summary>What a chart is of: the station, the metric, the period, and the limit set drawn on it.</summary>
/// <param name="StationId">The station's id.</param>
/// <param name="StationName">The station's name, printed in the title.</param>
/// <param name="Metric">What is drawn; gives the label and unit.</param>
/// <param name="Range">The period drawn, [from, to) in UTC.</param>
/// <param name="Limits">The limit set whose values are drawn; null for none.</param>
public sealed record ChartSubject(string StationId, string StationName, Metric Metric, TimeRange Range, LimitSet? Limits = null);
