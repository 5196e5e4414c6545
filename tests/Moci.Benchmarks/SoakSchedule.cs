using System.Diagnostics;

namespace Moci.Benchmarks;

/// <summary>
/// The soak's timetable, the same in every load process: message <c>m</c> (0, 1, …) of the whole run is due
/// <c>m / rate</c> seconds after the start and belongs to station <c>m % stations</c>, as its batch <c>m / stations</c>.
/// So the aggregate rate is even, and each station sends one batch every <c>stations / rate</c> seconds.
/// Thread-safe: immutable.
/// </summary>
internal sealed class SoakSchedule
{
    private readonly long _originTicks;
    private readonly DateTimeOffset _origin;

    /// <param name="origin">The wall-clock start, shared by the load processes.</param>
    /// <param name="stations">Stations in the whole run.</param>
    /// <param name="messagesPerSecond">Aggregate batches per second of the whole run.</param>
    public SoakSchedule(DateTimeOffset origin, int stations, double messagesPerSecond)
    {
        var periodMilliseconds = stations * 1000.0 / messagesPerSecond;
        if (periodMilliseconds < 2)
        {
            // Every reading must have its own (station, metric, time) at whole milliseconds, two times per period.
            throw new ArgumentException($"{messagesPerSecond} messages/s over {stations} stations is a batch every {periodMilliseconds} ms per station; the soak needs at least 2 ms");
        }

        _origin = origin;
        _originTicks = Stopwatch.GetTimestamp() + (long)((origin - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
        Stations = stations;
        MessagesPerSecond = messagesPerSecond;
        HalfPeriod = TimeSpan.FromMilliseconds(Math.Floor(periodMilliseconds / 2));
    }

    public int Stations { get; }

    public double MessagesPerSecond { get; }

    /// <summary>Half a station's period, in whole milliseconds: the offset of a batch's second PM readings.</summary>
    public TimeSpan HalfPeriod { get; }

    /// <summary>Seconds since the start at a <see cref="Stopwatch"/> timestamp (negative before).</summary>
    public double Seconds(long ticks) => (ticks - _originTicks) / (double)Stopwatch.Frequency;

    /// <summary>Seconds since the start, now.</summary>
    public double Now() => Seconds(Stopwatch.GetTimestamp());

    /// <summary>When message <paramref name="message"/> is due, in seconds since the start.</summary>
    public double DueSeconds(long message) => message / MessagesPerSecond;

    /// <summary>The time of batch <paramref name="batch"/> of station <paramref name="station"/>: its due time, in whole milliseconds.</summary>
    public DateTimeOffset BatchTime(int station, long batch) =>
        _origin.AddMilliseconds(Math.Floor(((batch * Stations) + station) * 1000.0 / MessagesPerSecond));

    /// <summary>Waits until the start.</summary>
    public Task WaitForStartAsync()
    {
        var wait = -Now();
        return wait > 0 ? Task.Delay(TimeSpan.FromSeconds(wait)) : Task.CompletedTask;
    }
}
