namespace Moci.Dashboard.Charts;

/// <summary>
/// One hourly or daily period as a chart draws it (or several, merged into one pixel column): the range of its valid
/// values as a band, its mean as a line.
/// </summary>
/// <param name="Start">First instant (UTC, included).</param>
/// <param name="End">End (UTC, excluded).</param>
/// <param name="Min">Lowest valid value, in the metric's unit.</param>
/// <param name="Max">Highest valid value.</param>
/// <param name="Mean">The mean; null when the period misses its completeness rule, which then has none.</param>
/// <param name="Incomplete">True when the period (or most periods of a merged column) misses its completeness rule.</param>
public sealed record ChartPeriod(DateTimeOffset Start, DateTimeOffset End, double Min, double Max, double? Mean, bool Incomplete);
