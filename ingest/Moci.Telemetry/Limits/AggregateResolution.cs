namespace Moci.Telemetry.Limits;

/// <summary>The length of the period one <see cref="PeriodAggregate"/> summarises.</summary>
public enum AggregateResolution
{
    /// <summary>One hour, starting on a whole hour (UTC and every whole-hour offset agree on those).</summary>
    Hour,

    /// <summary>One day of a <see cref="ReportingCalendar"/>: 24 hours from its midnight.</summary>
    Day,
}
