namespace Moci.Telemetry.Limits;

/// <summary>
/// A data-capture rule of the EU reference method: the share of a period that must hold valid data before its
/// mean may be compared with a limit value. Thread-safe: immutable.
/// </summary>
/// <param name="Name">What is aggregated, for example "daily mean".</param>
/// <param name="Unit">What is counted, plural: "minutes", "values", "hours", "days".</param>
/// <param name="Required">The minimum valid share.</param>
/// <param name="Source">Where the rule is written.</param>
public sealed record CompletenessRule(string Name, string Unit, CoverageRequirement Required, string Source)
{
    /// <summary>Checks <paramref name="valid"/> of <paramref name="expected"/> against the rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or nothing is expected.</exception>
    public CompletenessCheck Check(long valid, long expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        if (Required.IsMetBy(valid, expected))
        {
            return new CompletenessCheck(true, valid, expected, this, "");
        }

        var reason = $"{Name}: {valid} of {expected} {Unit} valid, {Required.MinimumOf(expected)} needed ({Required})";
        return new CompletenessCheck(false, valid, expected, this, reason);
    }

    /// <summary>Checks an aggregate's own counts against the rule.</summary>
    public CompletenessCheck Check(PeriodAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return Check(aggregate.ValidCount, aggregate.ExpectedCount);
    }
}
