using System.Globalization;

namespace Moci.Telemetry.Time;

/// <summary>
/// A half-open span of time [<see cref="From"/>, <see cref="To"/>): <see cref="From"/> belongs to it,
/// <see cref="To"/> does not, so consecutive ranges (the hours of a day, the days of a year) meet without
/// overlapping and every instant lies in exactly one of them — as NodaTime's <c>Interval</c>. Both ends are UTC
/// instants (offset zero), whatever offset they were given in, so equal spans compare equal. The store, the read
/// API, the charts and the pages all take their ranges as this type. Thread-safe: immutable. <c>default</c> is not
/// a valid range (it is empty); create ranges with the constructor or the parsing helpers.
/// </summary>
public readonly record struct TimeRange
{
    /// <summary>One hour, the period of hourly rollups.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>One day of 24 hours, the period of daily rollups (UTC days).</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Every instant a <see cref="DateTimeOffset"/> can hold, up to but not including its maximum.</summary>
    public static readonly TimeRange All = new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>A range from <paramref name="from"/> (included) to <paramref name="to"/> (excluded).</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>: the range would be empty.</exception>
    public TimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (from >= to)
        {
            throw new ArgumentException($"a time range [from, to) needs 'to' ({Format(to)}) after 'from' ({Format(from)})", nameof(to));
        }

        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
    }

    /// <summary>The first instant of the range (UTC, included).</summary>
    public DateTimeOffset From { get; }

    /// <summary>The end of the range (UTC, excluded): the first instant after it.</summary>
    public DateTimeOffset To { get; }

    /// <summary>How long the range lasts; always positive.</summary>
    public TimeSpan Duration => To - From;

    /// <summary>True when <paramref name="instant"/> lies in [<see cref="From"/>, <see cref="To"/>).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The <paramref name="length"/> before <paramref name="end"/>: [end − length, end).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive, or reaches before the earliest date there is.</exception>
    public static TimeRange Ending(DateTimeOffset end, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        if (end - DateTimeOffset.MinValue < length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"{Describe(length)} before {Format(end)} is before the earliest date there is");
        }

        return new TimeRange(end - length, end);
    }

    /// <summary>The smallest range that holds both this range and <paramref name="other"/> (and whatever lies between them).</summary>
    public TimeRange Hull(TimeRange other) => new(From < other.From ? From : other.From, To > other.To ? To : other.To);

    /// <summary>
    /// The range widened to whole periods: <see cref="From"/> rounded down and <see cref="To"/> rounded up to a
    /// multiple of <paramref name="period"/> counted from midnight UTC (for <see cref="Hour"/>, whole UTC hours;
    /// for <see cref="Day"/>, whole UTC days). A range already on those boundaries stays as it is. An end past the
    /// latest date there is stays at <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    /// <param name="period">A positive length that divides a day evenly (an hour, a day, 10 minutes …).</param>
    public TimeRange Widen(TimeSpan period)
    {
        var ticks = PeriodTicks(period);
        var from = new DateTimeOffset(From.UtcTicks - From.UtcTicks % ticks, TimeSpan.Zero);
        var to = To.UtcTicks % ticks == 0 ? To : NextBoundary(To, ticks);
        return new TimeRange(from, to);
    }

    /// <summary>How many whole periods (as in <see cref="Widen"/>) the range touches, counting a partly covered one at either end.</summary>
    /// <param name="period">A positive length that divides a day evenly.</param>
    public long CountPeriods(TimeSpan period)
    {
        var widened = Widen(period);
        var ticks = PeriodTicks(period);
        return (widened.To.UtcTicks - widened.From.UtcTicks + ticks - 1) / ticks;
    }

    /// <summary>
    /// The range cut at every boundary of <paramref name="period"/> (as in <see cref="Widen"/>), oldest first: whole
    /// periods, except the first and the last, which are cut to the range where it starts or ends inside them.
    /// </summary>
    /// <param name="period">A positive length that divides a day evenly.</param>
    public IEnumerable<TimeRange> Split(TimeSpan period)
    {
        var ticks = PeriodTicks(period);
        var start = From;
        while (start < To)
        {
            var next = NextBoundary(start, ticks);
            var end = next < To ? next : To;
            yield return new TimeRange(start, end);
            start = end;
        }
    }

    /// <summary>The range cut into UTC hours (see <see cref="Split"/>).</summary>
    public IEnumerable<TimeRange> Hours() => Split(Hour);

    /// <summary>The range cut into UTC days (see <see cref="Split"/>).</summary>
    public IEnumerable<TimeRange> Days() => Split(Day);

    /// <summary>"[2026-11-24T00:00:00.000Z, 2026-11-25T00:00:00.000Z)".</summary>
    public override string ToString() => $"[{Format(From)}, {Format(To)})";

    /// <summary>
    /// Reads an instant as the read API takes <c>from</c> and <c>to</c>: ISO 8601, such as
    /// <c>2026-11-25T08:00:00Z</c> or <c>2026-11-25T09:00:00+01:00</c>; a time without an offset is taken as UTC.
    /// </summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    /// <summary>
    /// The range of a length such as <c>24h</c>, <c>7d</c>, <c>30d</c> or <c>1y</c> ending at <paramref name="end"/>: a
    /// whole number from 1 followed by <c>h</c> (hours), <c>d</c> (days of 24 hours) or <c>y</c> (calendar years: the
    /// same date and time that many years before, so a year that holds 29 February lasts 366 days).
    /// </summary>
    /// <returns>False when <paramref name="length"/> is not such a length, or reaches before the earliest date there is.</returns>
    public static bool TryParseLast(string? length, DateTimeOffset end, out TimeRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(length) || length.Length < 2
            || !int.TryParse(length.AsSpan(0, length.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return false;
        }

        try
        {
            var start = char.ToLowerInvariant(length[^1]) switch
            {
                'h' => end - TimeSpan.FromHours(count),
                'd' => end - TimeSpan.FromDays(count),
                'y' => end.AddYears(-count),
                _ => (DateTimeOffset?)null,
            };
            if (start is null)
            {
                return false;
            }

            range = new TimeRange(start.Value, end);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Before the year 1: no range to give.
            return false;
        }
    }

    /// <summary>
    /// Reads the range of a query as the read API takes it: <paramref name="from"/> and <paramref name="to"/> (see
    /// <see cref="TryParseInstant"/>), or <paramref name="last"/> (see <see cref="TryParseLast"/>) ending at
    /// <paramref name="to"/>. <paramref name="to"/> defaults to <paramref name="now"/>; without <paramref name="from"/>
    /// and <paramref name="last"/> the range is the <paramref name="defaultLength"/> before <paramref name="to"/>.
    /// </summary>
    /// <param name="from">The start, or null or empty when not given.</param>
    /// <param name="to">The end, or null or empty for <paramref name="now"/>.</param>
    /// <param name="last">A length ending at the end (the API's <c>range</c>), or null or empty when not given.</param>
    /// <param name="now">The hub's clock.</param>
    /// <param name="defaultLength">The length of the range when neither a start nor a length is given.</param>
    /// <param name="range">The range read, when it succeeds.</param>
    /// <param name="errors">
    /// When it fails, what is wrong, keyed by the parameter to fix (<c>from</c>, <c>to</c> or <c>range</c>, the name
    /// <paramref name="last"/> has in the API), each in words a student can act on; empty when it succeeds.
    /// </param>
    public static bool TryParse(
        string? from,
        string? to,
        string? last,
        DateTimeOffset now,
        TimeSpan defaultLength,
        out TimeRange range,
        out IReadOnlyDictionary<string, string> errors)
    {
        var problems = new Dictionary<string, string>();
        errors = problems;
        range = default;
        DateTimeOffset? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            start = TryParseInstant(from, out var instant) ? instant : null;
            if (start is null)
            {
                problems["from"] = NotAnInstant(from);
            }
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            end = TryParseInstant(to, out var instant) ? instant : null;
            if (end is null)
            {
                problems["to"] = NotAnInstant(to);
            }
        }

        if (!string.IsNullOrWhiteSpace(last) && !string.IsNullOrWhiteSpace(from))
        {
            problems["range"] = $"Give either 'from' or 'range' ('{last}'), not both: 'range' is a length that ends at 'to'.";
        }

        if (problems.Count > 0)
        {
            return false;
        }

        var rangeEnd = end ?? now;
        if (start is { } rangeStart)
        {
            if (rangeStart >= rangeEnd)
            {
                problems["to"] = $"'to' ({rangeEnd:O}) must be after 'from' ({rangeStart:O}); the range is half-open [from, to).";
                return false;
            }

            range = new TimeRange(rangeStart, rangeEnd);
            return true;
        }

        if (!string.IsNullOrWhiteSpace(last))
        {
            if (TryParseLast(last, rangeEnd, out range))
            {
                return true;
            }

            problems["range"] = TryParseLast(last, DateTimeOffset.MaxValue, out _)
                ? $"'range={last}' before 'to' ({rangeEnd:O}) reaches before the earliest date there is; give a shorter range or 'from'."
                : $"'{last}' is not a length; use a whole number of hours, days or years such as 24h, 7d, 30d or 1y.";
            return false;
        }

        if (rangeEnd - DateTimeOffset.MinValue < defaultLength)
        {
            problems["to"] = $"'to' ({rangeEnd:O}) is less than {Describe(defaultLength)} after the earliest date there is, so the default range cannot start before it; give 'from' as well.";
            return false;
        }

        range = Ending(rangeEnd, defaultLength);
        return true;
    }

    /// <summary>
    /// The first period boundary after <paramref name="instant"/>; <see cref="DateTimeOffset.MaxValue"/> in the last
    /// period there is, whose boundary (the start of the year 10000) cannot be held.
    /// </summary>
    private static DateTimeOffset NextBoundary(DateTimeOffset instant, long ticks)
    {
        var floor = instant.UtcTicks - instant.UtcTicks % ticks;
        return DateTimeOffset.MaxValue.UtcTicks - floor < ticks
            ? DateTimeOffset.MaxValue
            : new DateTimeOffset(floor + ticks, TimeSpan.Zero);
    }

    private static string NotAnInstant(string text) =>
        $"'{text}' is not an ISO 8601 date and time; use UTC such as 2026-11-25T08:00:00Z.";

    /// <summary>The ticks of <paramref name="period"/>, which must be positive and divide a day evenly.</summary>
    private static long PeriodTicks(TimeSpan period)
    {
        if (period <= TimeSpan.Zero || TimeSpan.TicksPerDay % period.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "the period must be positive and divide a day evenly (an hour, a day, 10 minutes …)");
        }

        return period.Ticks;
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A length in the largest whole unit that states it: "24 hours", "7 days", "90 minutes".</summary>
    private static string Describe(TimeSpan span) => span.Ticks switch
    {
        _ when span.Ticks % TimeSpan.TicksPerDay == 0 && span.Ticks > TimeSpan.TicksPerDay => $"{span.TotalDays:0} days",
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 => span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours",
        _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => $"{span.TotalMinutes:0} minutes",
        _ => $"{span.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds",
    };
}
