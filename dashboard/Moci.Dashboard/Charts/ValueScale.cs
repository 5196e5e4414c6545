using Moci.Telemetry.Metrics;

namespace Moci.Dashboard.Charts;

/// <summary>The value axis of a chart: fitted to the valid values and the limit lines drawn, never to flagged readings.</summary>
/// <param name="Bottom">Lowest value shown, in the metric's unit.</param>
/// <param name="Top">Highest value shown.</param>
public readonly record struct ValueScale(double Bottom, double Top)
{
    /// <summary>True when <paramref name="value"/> lies on the scale.</summary>
    public bool Contains(double value) => value >= Bottom && value <= Top;

    /// <summary>
    /// The scale that shows every one of <paramref name="values"/> with a margin of 8 % of their span above and below,
    /// not below zero when none is negative (a concentration axis from −3 reads as if a value were); null without values.
    /// </summary>
    public static ValueScale? Fit(IEnumerable<double> values, Metric metric)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (low > high)
        {
            return null;
        }

        // A flat series still gets a readable axis around its value: a tenth of it, or one unit at zero.
        var margin = high > low ? 0.08 * (high - low) : Math.Max(Math.Abs(high) * 0.1, Math.Pow(10, -metric.Decimals));
        var bottom = low - margin;
        if (low >= 0 && bottom < 0)
        {
            bottom = 0;
        }

        return new ValueScale(bottom, high + margin);
    }
}
