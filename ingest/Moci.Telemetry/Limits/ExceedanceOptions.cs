namespace Moci.Telemetry.Limits;

/// <summary>How a year is cut and judged when its means are compared with a limit value. Thread-safe: immutable.</summary>
public sealed record ExceedanceOptions
{
    /// <summary>Where days and years begin; UTC+01:00 (<see cref="ReportingCalendar.Default"/>) unless set.</summary>
    public ReportingCalendar Calendar { get; init; } = ReportingCalendar.Default;

    /// <summary>
    /// The time of the question (the hub's clock). A year not over at this time is judged "so far": coverage is of
    /// the periods that have ended, and periods that have not ended are left out. <c>null</c>: the year is judged
    /// whole, as after its end.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The annual data-capture rule; the limit's own set's (<see cref="LimitSet.AnnualCoverage"/>) unless set.</summary>
    public CompletenessRule? AnnualCoverage { get; init; }

    /// <summary>Whole year, UTC+01:00, the set's annual rule.</summary>
    public static ExceedanceOptions Default { get; } = new();
}
