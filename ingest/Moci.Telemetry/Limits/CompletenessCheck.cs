namespace Moci.Telemetry.Limits;

/// <summary>
/// Whether an aggregate may be compared with a limit value under a <see cref="CompletenessRule"/>, and if not,
/// why not in words a student can act on. Thread-safe: immutable.
/// </summary>
/// <param name="IsComplete">True when the period holds enough valid data.</param>
/// <param name="ValidCount">Valid values (or valid hours, for a day) found.</param>
/// <param name="ExpectedCount">Values (or hours) the period should hold.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="Reason">Empty when complete; otherwise what is missing, for example "17 of 24 hours valid, 18 needed (75 %)".</param>
public sealed record CompletenessCheck(bool IsComplete, long ValidCount, long ExpectedCount, CompletenessRule Rule, string Reason)
{
    /// <summary>Valid share, 0 … 1 (capped at 1).</summary>
    public double Coverage => ExpectedCount == 0 ? 0 : Math.Min(1.0, (double)ValidCount / ExpectedCount);

    /// <summary>The fewest valid values the period needed.</summary>
    public long RequiredCount => Rule.Required.MinimumOf(ExpectedCount);
}
