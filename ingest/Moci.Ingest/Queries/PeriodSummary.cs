namespace Moci.Ingest.Queries;

/// <summary>
/// What one series measured in one UTC hour or day, with how complete that is. <see cref="Mean"/> is given only for
/// a complete period: an incomplete one keeps its counts, range and coverage, and <see cref="Incomplete"/> says why
/// it has no mean, so that it is never passed off as a valid average. Immutable, so thread-safe.
/// </summary>
/// <remarks>
/// Kept in 72 bytes rather than the 128 of its ten values as fields (two <see cref="DateTimeOffset"/> and four
/// nullable doubles): a chart of a year builds 8 760 of them per call. The instants are UTC ticks, and a value that is
/// absent is a cleared bit of a flags byte with its field left 0, so that equality is still that of the values.
/// </remarks>
public readonly record struct PeriodSummary
{
    private const byte HasMean = 1;
    private const byte HasMin = 2;
    private const byte HasMax = 4;
    private const byte HasCoverage = 8;
    private const byte HasValidHours = 16;
    private const byte IsIncomplete = 32;

    private readonly long _startTicks;
    private readonly long _endTicks;
    private readonly double _mean;
    private readonly double _min;
    private readonly double _max;
    private readonly double _coverage;
    private readonly long _count;
    private readonly long _validCount;
    private readonly int _validHours;
    private readonly byte _present;

    /// <param name="Start">The first instant of the period (kept in UTC, included).</param>
    /// <param name="End">The end of the period (kept in UTC, excluded).</param>
    /// <param name="Mean">In the metric's unit; null when the period is incomplete (see <see cref="Mean"/>).</param>
    /// <param name="Min">The lowest valid value in the period; null when none is valid.</param>
    /// <param name="Max">The highest valid value in the period; null when none is valid.</param>
    /// <param name="Count">Readings stored in the period, valid or not.</param>
    /// <param name="ValidCount">Of them, those no QA flag casts doubt on.</param>
    /// <param name="Coverage">0 … 1 (see <see cref="Coverage"/>); null when unknown.</param>
    /// <param name="ValidHours">For a day, its complete hours (0 … 24); null for an hour.</param>
    /// <param name="Incomplete">True when the period misses its completeness rule.</param>
    public PeriodSummary(
        DateTimeOffset Start,
        DateTimeOffset End,
        double? Mean,
        double? Min,
        double? Max,
        long Count,
        long ValidCount,
        double? Coverage,
        int? ValidHours,
        bool Incomplete)
    {
        _startTicks = Start.UtcTicks;
        _endTicks = End.UtcTicks;
        _mean = Mean.GetValueOrDefault();
        _min = Min.GetValueOrDefault();
        _max = Max.GetValueOrDefault();
        _coverage = Coverage.GetValueOrDefault();
        _count = Count;
        _validCount = ValidCount;
        _validHours = ValidHours.GetValueOrDefault();
        _present = (byte)((Mean.HasValue ? HasMean : 0)
            | (Min.HasValue ? HasMin : 0)
            | (Max.HasValue ? HasMax : 0)
            | (Coverage.HasValue ? HasCoverage : 0)
            | (ValidHours.HasValue ? HasValidHours : 0)
            | (Incomplete ? IsIncomplete : 0));
    }

    /// <summary>The first instant of the period (UTC, included).</summary>
    public DateTimeOffset Start => new(_startTicks, TimeSpan.Zero);

    /// <summary>The end of the period (UTC, excluded).</summary>
    public DateTimeOffset End => new(_endTicks, TimeSpan.Zero);

    /// <summary>
    /// In the metric's unit. An hour: the mean of its valid values. A day: the mean of its complete hours' means
    /// (Directive 2008/50/EC, Annex XI: a 24-hour value from the hourly averages). Null when the period is incomplete.
    /// </summary>
    public double? Mean => (_present & HasMean) != 0 ? _mean : null;

    /// <summary>The lowest valid value in the period; null when none is valid.</summary>
    public double? Min => (_present & HasMin) != 0 ? _min : null;

    /// <summary>The highest valid value in the period; null when none is valid.</summary>
    public double? Max => (_present & HasMax) != 0 ? _max : null;

    /// <summary>Readings stored in the period, valid or not.</summary>
    public long Count => _count;

    /// <summary>Of them, those no QA flag casts doubt on.</summary>
    public long ValidCount => _validCount;

    /// <summary>
    /// 0 … 1. An hour: its valid readings over those expected (capped at 1). A day: its complete hours over 24. Null for an
    /// hour when the expected count is unknown (the series holds fewer than two readings).
    /// </summary>
    public double? Coverage => (_present & HasCoverage) != 0 ? _coverage : null;

    /// <summary>For a day, its complete hours (0 … 24); null for an hour.</summary>
    public int? ValidHours => (_present & HasValidHours) != 0 ? _validHours : null;

    /// <summary>True when the period misses its completeness rule (75 % of the hour, 18 complete hours of the day).</summary>
    public bool Incomplete => (_present & IsIncomplete) != 0;
}
