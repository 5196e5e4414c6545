namespace Moci.Telemetry.Limits;

/// <summary>A calendar year cut at the time of the question.</summary>
internal sealed record YearCut(DateTimeOffset From, DateTimeOffset Cutoff, int Elapsed, int Total, string Unit, CompletenessRule Rule)
{
    /// <summary>True when every period of the year had ended at the cut-off.</summary>
    public bool IsOver => Elapsed == Total;

    /// <summary>Cuts <paramref name="year"/> at <see cref="ExceedanceOptions.AsOf"/>, in whole periods.</summary>
    public static YearCut Of(int year, AggregateResolution resolution, ReportingCalendar calendar, ExceedanceOptions options, CompletenessRule rule)
    {
        var (from, to) = calendar.Year(year);
        var length = PeriodAggregate.Length(resolution);
        var cutoff = options.AsOf is { } asOf && asOf < to ? asOf.ToUniversalTime() : to;
        if (cutoff <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"the year {year} begins {from:O} ({calendar}), not before the time of the question {cutoff:O}");
        }

        var elapsed = (int)((cutoff - from).Ticks / length.Ticks);
        var total = ReportingCalendar.DaysIn(year) * (resolution == AggregateResolution.Hour ? 24 : 1);
        var unit = resolution == AggregateResolution.Hour ? "hours" : "days";
        return new YearCut(from, from + elapsed * length, elapsed, total, unit, rule with { Unit = unit });
    }

    /// <summary>The periods of the year that had ended at the cut-off.</summary>
    public IEnumerable<PeriodAggregate> Select(IEnumerable<PeriodAggregate> series) =>
        series.Where(p => p.Start >= From && p.End <= Cutoff);

    /// <summary>The valid periods against the annual rule: of the periods elapsed, and of the whole year.</summary>
    public (CompletenessCheck SoFar, CompletenessCheck Whole) Coverage(int valid) =>
        (Elapsed == 0 ? new CompletenessCheck(false, 0, 0, Rule, $"no {Unit} of the year have ended yet") : Rule.Check(valid, Elapsed),
            Rule.Check(valid, Total));
}
