namespace Moci.Telemetry.Limits;

/// <summary>
/// What the store knows about one hour or one day of one metric at one station: the mean of its valid values and
/// how many values were valid out of how many were expected. This is the input of every limit, exceedance and
/// index computation; it carries no station or metric, the caller keeps those. Thread-safe: immutable.
/// </summary>
/// <remarks>
/// For an <see cref="AggregateResolution.Hour"/>, the counts are of readings (for example 720 expected at 5 s
/// sampling, or 60 for one value a minute). For a <see cref="AggregateResolution.Day"/> used with limits, the
/// counts are of <em>valid hourly means</em> out of 24, which is what the EU daily rule counts; build such days
/// from hours with <see cref="DailyMeans.FromHourly"/>. A day rolled up straight from readings does not say how
/// many of its hours were complete, so it cannot be checked against the 18-hour rule.
/// </remarks>
public sealed record PeriodAggregate
{
    /// <summary>Creates an aggregate.</summary>
    /// <param name="start">Start of the period, any offset; stored as UTC.</param>
    /// <param name="resolution">Hour or day.</param>
    /// <param name="mean">Mean of the valid values, in the metric's unit; <c>null</c> when none was valid.</param>
    /// <param name="validCount">Valid values in the period, zero or more.</param>
    /// <param name="expectedCount">Values the period should hold, one or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or nothing is expected.</exception>
    /// <exception cref="ArgumentException">The mean is not finite, or is missing while values are valid (or the reverse).</exception>
    public PeriodAggregate(DateTimeOffset start, AggregateResolution resolution, double? mean, int validCount, int expectedCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(validCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedCount);
        if (mean is { } m && !double.IsFinite(m))
        {
            throw new ArgumentException($"the mean of the period starting {start:O} is {m}; a mean must be a finite number", nameof(mean));
        }

        if (mean is null != (validCount == 0))
        {
            throw new ArgumentException(
                $"the period starting {start:O} has {validCount} valid values and " + (mean is null ? "no mean" : "a mean") +
                "; a period has a mean exactly when it has valid values", nameof(mean));
        }

        Start = start.ToUniversalTime();
        Resolution = resolution;
        Mean = mean;
        ValidCount = validCount;
        ExpectedCount = expectedCount;
    }

    /// <summary>Start of the period, UTC.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Hour or day.</summary>
    public AggregateResolution Resolution { get; }

    /// <summary>Mean of the valid values in the metric's unit; <c>null</c> when none was valid.</summary>
    public double? Mean { get; }

    /// <summary>Valid values in the period.</summary>
    public int ValidCount { get; }

    /// <summary>Values the period should hold.</summary>
    public int ExpectedCount { get; }

    /// <summary>End of the period (exclusive), UTC: the period is <c>[Start, End)</c>.</summary>
    public DateTimeOffset End => Start + Length(Resolution);

    /// <summary>
    /// Valid share of the period, 0 … 1. More values than expected (a station sampling faster than it said)
    /// count as a full period, not as more than full.
    /// </summary>
    public double Coverage => Math.Min(1.0, (double)ValidCount / ExpectedCount);

    /// <summary>An hour with a mean and its counts.</summary>
    public static PeriodAggregate Hour(DateTimeOffset start, double? mean, int validCount, int expectedCount) =>
        new(start, AggregateResolution.Hour, mean, validCount, expectedCount);

    /// <summary>A day whose counts are valid hourly means out of 24.</summary>
    public static PeriodAggregate Day(DateTimeOffset start, double? mean, int validHours, int expectedHours = 24) =>
        new(start, AggregateResolution.Day, mean, validHours, expectedHours);

    /// <summary>The length of a period of <paramref name="resolution"/>.</summary>
    public static TimeSpan Length(AggregateResolution resolution) => resolution switch
    {
        AggregateResolution.Hour => TimeSpan.FromHours(1),
        AggregateResolution.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown resolution"),
    };
}
