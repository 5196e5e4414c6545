namespace Moci.Telemetry.Limits;

/// <summary>
/// Compares one calendar year of hourly or daily aggregates with a limit value: counts the hours or days above a
/// short-term limit, or takes the annual mean for an annual limit, and says whether the year's valid data is enough
/// to compare. Only periods that meet the completeness rules (<see cref="CompletenessRules"/>) are compared; the
/// others are counted as incomplete, never averaged in. Pure functions; thread-safe.
/// </summary>
public static class ExceedanceCounter
{
    /// <summary>
    /// The hours (for a one-hour limit) or days (for a one-day or maximum daily 8-hour limit) of
    /// <paramref name="year"/> whose valid mean is above <paramref name="limit"/>.
    /// </summary>
    /// <param name="limit">A short-term limit value.</param>
    /// <param name="year">The calendar year, cut by <see cref="ExceedanceOptions.Calendar"/>.</param>
    /// <param name="periods">
    /// Hourly aggregates; or, for a daily limit, daily aggregates that start at the calendar's midnights and count
    /// valid hours out of 24 (<see cref="DailyMeans.FromHourly"/>; for a maximum daily 8-hour limit,
    /// <see cref="EightHourMeans.DailyMaxima"/>). Hourly aggregates are turned into days here. Periods outside the
    /// year are ignored.
    /// </param>
    /// <param name="options">Calendar, time of the question and annual rule; <see cref="ExceedanceOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">
    /// The limit is annual (use <see cref="CompareAnnualMean"/>); the periods mix hours and days, repeat a period,
    /// or days do not start at the calendar's midnights; the limit's set is unknown and no annual rule is given.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The year has not begun at <see cref="ExceedanceOptions.AsOf"/>.</exception>
    /// <exception cref="NotSupportedException">The limit's averaging period is the WHO ozone peak season.</exception>
    public static ExceedanceResult Count(LimitValue limit, int year, IEnumerable<PeriodAggregate> periods, ExceedanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(periods);
        options ??= ExceedanceOptions.Default;
        var calendar = options.Calendar;

        var (resolution, rule, series) = limit.Period switch
        {
            AveragingPeriod.OneHour => (AggregateResolution.Hour, CompletenessRules.HourlyMean,
                (IReadOnlyList<PeriodAggregate>)[.. HourlySeries.ByStart(periods, nameof(periods)).Values]),
            AveragingPeriod.OneDay => (AggregateResolution.Day, CompletenessRules.DailyMean,
                Days(periods, calendar, DailyMeans.FromHourly)),
            AveragingPeriod.MaximumDailyEightHourMean => (AggregateResolution.Day, CompletenessRules.MaximumDailyEightHourMean,
                Days(periods, calendar, EightHourMeans.DailyMaxima)),
            AveragingPeriod.CalendarYear => throw new ArgumentException(
                $"{limit.Describe()} is an annual limit: compare the annual mean with {nameof(CompareAnnualMean)}", nameof(limit)),
            _ => throw new NotSupportedException($"{limit.Describe()}: the hub does not compute {limit.Period} means"),
        };

        var cut = YearCut.Of(year, resolution, calendar, options, AnnualRule(limit, options));
        var exceeding = new List<ExceedingPeriod>();
        int valid = 0, incomplete = 0;
        foreach (var period in cut.Select(series))
        {
            if (period.Mean is not { } mean || !rule.Check(period).IsComplete)
            {
                incomplete++;
                continue;
            }

            valid++;
            if (limit.IsExceededBy(mean))
            {
                exceeding.Add(new ExceedingPeriod(period.Start, mean));
            }
        }

        var (soFar, whole) = cut.Coverage(valid);
        var permitted = limit.PermittedExceedancesPerYear ?? 0;
        var verdict = exceeding.Count > permitted ? LimitVerdict.Exceeded
            : cut.IsOver ? (whole.IsComplete ? LimitVerdict.Met : LimitVerdict.InsufficientData)
            : soFar.IsComplete ? LimitVerdict.NotExceededSoFar : LimitVerdict.InsufficientData;

        var unit = cut.Unit;
        var counted = $"{exceeding.Count} {(exceeding.Count == 1 ? unit.TrimEnd('s') : unit)} above {LimitWording.Number(limit.Threshold)} {limit.UnitSymbol} " +
                      $"({limit.Label}, {LimitWording.Period(limit.Period)}) in {year}, {permitted} permitted";
        var explanation = LimitWording.Explain(verdict, counted, limit, cut, soFar, whole);

        return new ExceedanceResult(limit, year, calendar, resolution, exceeding.Count, limit.PermittedExceedancesPerYear,
            exceeding, incomplete, cut.Elapsed, cut.Total, soFar, whole, verdict, explanation);
    }

    /// <summary>
    /// The mean of <paramref name="year"/>'s valid hourly (or, failing those, daily) means, compared with an
    /// annual limit value (Directive 2008/50/EC Annex XI A: "one hour values or (if not available) 24-hour values").
    /// </summary>
    /// <param name="limit">An annual limit value.</param>
    /// <param name="year">The calendar year, cut by <see cref="ExceedanceOptions.Calendar"/>.</param>
    /// <param name="periods">Hourly aggregates, or daily aggregates counting valid hours out of 24; not both.</param>
    /// <param name="options">Calendar, time of the question and annual rule; <see cref="ExceedanceOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">
    /// The limit is not annual; the periods mix hours and days, repeat a period, or days do not start at the
    /// calendar's midnights; the limit's set is unknown and no annual rule is given.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The year has not begun at <see cref="ExceedanceOptions.AsOf"/>.</exception>
    public static AnnualMeanResult CompareAnnualMean(LimitValue limit, int year, IEnumerable<PeriodAggregate> periods, ExceedanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(periods);
        if (limit.Period != AveragingPeriod.CalendarYear)
        {
            throw new ArgumentException($"{limit.Describe()} is not an annual limit: count its exceedances with {nameof(Count)}", nameof(limit));
        }

        options ??= ExceedanceOptions.Default;
        var calendar = options.Calendar;
        var list = periods.ToList();
        var daily = list.Count > 0 && list.All(p => p.Resolution == AggregateResolution.Day);
        var (resolution, rule, series) = daily
            ? (AggregateResolution.Day, CompletenessRules.DailyMean, Days(list, calendar, DailyMeans.FromHourly))
            : (AggregateResolution.Hour, CompletenessRules.HourlyMean,
                (IReadOnlyList<PeriodAggregate>)[.. HourlySeries.ByStart(list, nameof(periods)).Values]);

        var cut = YearCut.Of(year, resolution, calendar, options, AnnualRule(limit, options));
        var means = new List<double>();
        var incomplete = 0;
        foreach (var period in cut.Select(series))
        {
            if (period.Mean is { } mean && rule.Check(period).IsComplete)
            {
                means.Add(mean);
            }
            else
            {
                incomplete++;
            }
        }

        var (soFar, whole) = cut.Coverage(means.Count);
        double? annual = means.Count == 0 ? null : means.Average();
        var above = annual > limit.Threshold;
        var verdict = cut.IsOver
            ? (!whole.IsComplete ? LimitVerdict.InsufficientData : above ? LimitVerdict.Exceeded : LimitVerdict.Met)
            : (!soFar.IsComplete ? LimitVerdict.InsufficientData : above ? LimitVerdict.ExceededSoFar : LimitVerdict.NotExceededSoFar);

        var stated = annual is { } a
            ? $"mean {LimitWording.Number(Math.Round(a, 1))} {limit.UnitSymbol} in {year} against {LimitWording.Number(limit.Threshold)} {limit.UnitSymbol} ({limit.Label}, calendar year)"
            : $"no valid {cut.Unit} in {year} for {limit.Label}, calendar year";
        var explanation = LimitWording.Explain(verdict, stated, limit, cut, soFar, whole);

        return new AnnualMeanResult(limit, year, calendar, resolution, annual, incomplete, cut.Elapsed, cut.Total,
            soFar, whole, verdict, explanation);
    }

    private static CompletenessRule AnnualRule(LimitValue limit, ExceedanceOptions options)
    {
        if (options.AnnualCoverage is { } rule)
        {
            return rule;
        }

        return LimitSets.TryGet(limit.SetId, out var set)
            ? set.AnnualCoverage
            : throw new ArgumentException(
                $"the limit's set '{limit.SetId}' is not one of {LimitSets.KnownIds}; give the annual rule in {nameof(ExceedanceOptions)}.{nameof(ExceedanceOptions.AnnualCoverage)}",
                nameof(limit));
    }

    private static IReadOnlyList<PeriodAggregate> Days(
        IEnumerable<PeriodAggregate> periods,
        ReportingCalendar calendar,
        Func<IEnumerable<PeriodAggregate>, ReportingCalendar?, IReadOnlyList<PeriodAggregate>> fromHours)
    {
        var list = periods.ToList();
        if (list.All(p => p.Resolution == AggregateResolution.Hour))
        {
            return fromHours(list, calendar);
        }

        if (list.Any(p => p.Resolution != AggregateResolution.Day))
        {
            throw new ArgumentException("the periods mix hourly and daily aggregates; give one kind", nameof(periods));
        }

        var seen = new HashSet<DateTimeOffset>();
        foreach (var day in list)
        {
            if (!calendar.IsDayStart(day.Start))
            {
                throw new ArgumentException(
                    $"the daily aggregate starting {day.Start:O} does not start at midnight {calendar}; " +
                    $"build days from hourly aggregates with {nameof(DailyMeans)}.{nameof(DailyMeans.FromHourly)}", nameof(periods));
            }

            if (!seen.Add(day.Start))
            {
                throw new ArgumentException($"two daily aggregates start at {day.Start:O}; give each day once", nameof(periods));
            }
        }

        return [.. list.OrderBy(d => d.Start)];
    }
}
