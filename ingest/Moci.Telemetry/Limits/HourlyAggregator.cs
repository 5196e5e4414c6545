using Moci.Telemetry.Readings;

namespace Moci.Telemetry.Limits;

/// <summary>
/// Builds hourly aggregates (<see cref="PeriodAggregate"/>) from raw readings of one series, for the limit and index
/// computations when no hourly rollups are at hand. Memory grows with the number of hours, not of readings, so a
/// year of 5-second readings can be streamed through it. Not thread-safe: one series, one caller.
/// </summary>
/// <remarks>
/// <para>A reading is valid when its value is finite and no QA flag casts doubt on it
/// (<see cref="QaFlagsExtensions.IsSuspect"/>); only valid values enter the mean.</para>
/// <para>An hour's expected count is the hour divided by the station's sampling interval, rounded, at least one
/// (720 at 5 s, 60 at one minute, 1 for hourly data). The interval is taken as the median spacing between the
/// series' consecutive readings, so that a station's outages do not change it; it can also be given. The hourly
/// 75 % rule of Directive 2008/50/EC Annex XI A is then applied to those counts by the computations that use the
/// aggregates.</para>
/// </remarks>
public sealed class HourlyAggregator
{
    private readonly Dictionary<long, (int Count, int Valid, double Sum)> _hours = [];
    private readonly Dictionary<long, long> _spacings = [];
    private DateTimeOffset? _previous;

    /// <summary>Readings added.</summary>
    public long ReadingCount { get; private set; }

    /// <summary>Valid readings added.</summary>
    public long ValidCount { get; private set; }

    /// <summary>Hours that hold at least one reading, valid or not.</summary>
    public int HoursWithReadings => _hours.Count;

    /// <summary>
    /// The median spacing of consecutive readings, to the whole second; <c>null</c> with fewer than two readings
    /// at different times.
    /// </summary>
    public TimeSpan? SamplingInterval
    {
        get
        {
            var total = _spacings.Values.Sum();
            if (total == 0)
            {
                return null;
            }

            var seen = 0L;
            foreach (var (seconds, count) in _spacings.OrderBy(s => s.Key))
            {
                seen += count;
                if (seen * 2 >= total)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }

            return null;
        }
    }

    /// <summary>Adds one reading; readings are expected oldest first (as the store returns them).</summary>
    public void Add(DateTimeOffset timestamp, double value, QaFlags flags)
    {
        var utc = timestamp.UtcTicks;
        var hour = utc - utc % TimeSpan.TicksPerHour;
        var (count, valid, sum) = _hours.GetValueOrDefault(hour);
        var isValid = double.IsFinite(value) && !flags.IsSuspect();
        _hours[hour] = (count + 1, valid + (isValid ? 1 : 0), sum + (isValid ? value : 0));
        ReadingCount++;
        ValidCount += isValid ? 1 : 0;

        if (_previous is { } previous && timestamp > previous)
        {
            var seconds = (long)Math.Round((timestamp - previous).TotalSeconds, MidpointRounding.AwayFromZero);
            if (seconds > 0)
            {
                _spacings[seconds] = _spacings.GetValueOrDefault(seconds) + 1;
            }
        }

        _previous = timestamp;
    }

    /// <summary>Adds one reading.</summary>
    public void Add(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        Add(reading.Timestamp, reading.Value, reading.Flags);
    }

    /// <summary>Readings an hour should hold at <paramref name="interval"/>: the hour divided by it, rounded, at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public static int ExpectedPerHour(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return (int)Math.Max(1, Math.Round(TimeSpan.TicksPerHour / (double)interval.Ticks, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The hourly aggregates, oldest first, one per hour that holds a reading. Expected counts come from
    /// <paramref name="interval"/>, or from <see cref="SamplingInterval"/> when it is omitted (one reading an hour
    /// when even that is unknown).
    /// </summary>
    public IReadOnlyList<PeriodAggregate> ToHours(TimeSpan? interval = null)
    {
        var expected = ExpectedPerHour(interval ?? SamplingInterval ?? TimeSpan.FromHours(1));
        return
        [
            .. _hours.OrderBy(h => h.Key).Select(h => PeriodAggregate.Hour(
                new DateTimeOffset(h.Key, TimeSpan.Zero),
                h.Value.Valid == 0 ? null : h.Value.Sum / h.Value.Valid,
                h.Value.Valid,
                expected)),
        ];
    }
}
