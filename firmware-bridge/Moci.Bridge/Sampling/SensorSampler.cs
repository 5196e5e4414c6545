using Moci.Bridge.Clock;
using Moci.Bridge.Sensors;
using Moci.Telemetry.Readings;

namespace Moci.Bridge.Sampling;

/// <summary>
/// Reads one sensor every <c>interval</c> and hands its readings to <c>sink</c>: with an averaging window, one reading
/// per metric and window, the mean of its samples, stamped at the window's end (windows sit on multiples of their
/// length since the Unix epoch, so one-minute means end on whole minutes); without, every sample as it is, stamped
/// when it was read. Times come from <see cref="TimeProvider"/> and are never changed afterwards; a sample taken
/// while the clock is not known to be right makes its reading <see cref="QaFlags.ClockSuspect"/>. The sink must not
/// wait for the network (the outbox writes to disk).
/// </summary>
/// <param name="stationId">The station the readings belong to.</param>
/// <param name="sensor">The sensor; the sampler reads it from one loop.</param>
/// <param name="type">The sensor's configured type, for its status.</param>
/// <param name="interval">Time between two reads, positive.</param>
/// <param name="averaging">The averaging window, zero or a whole multiple of <paramref name="interval"/>.</param>
/// <param name="clock">Whether the clock is right.</param>
/// <param name="time">The clock readings are stamped with.</param>
/// <param name="board">Where the sensor's status goes.</param>
/// <param name="sink">Takes each window's readings.</param>
internal sealed class SensorSampler(
    string stationId,
    ISensor sensor,
    string type,
    TimeSpan interval,
    TimeSpan averaging,
    IClockSource clock,
    TimeProvider time,
    SensorBoard board,
    Action<IReadOnlyList<Reading>> sink)
{
    private readonly SampleWindow _window = new();
    private DateTimeOffset? _windowEnd;

    /// <summary>
    /// Reads until <paramref name="cancellationToken"/> is cancelled. A window not yet ended then is not handed over:
    /// its mean would carry a time still to come.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                await SampleOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads the sensor once and closes the window if its end has come.</summary>
    public async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (averaging > TimeSpan.Zero && _windowEnd is { } end && now >= end)
        {
            Flush(end);
        }

        IReadOnlyList<Measurement> measurements;
        try
        {
            measurements = await sensor.ReadAsync(cancellationToken);
        }
        catch (SensorException ex)
        {
            board.Failed(sensor.Name, type, SensorState.Failing, ex.Message, now);
            return;
        }

        board.Sampled(sensor.Name, type, now);
        var state = clock.Current;
        if (averaging == TimeSpan.Zero)
        {
            _window.Add(measurements, state);
            Flush(now);
            return;
        }

        _windowEnd ??= WindowEnd(now);
        _window.Add(measurements, state);
    }

    private void Flush(DateTimeOffset at)
    {
        if (!_window.IsEmpty)
        {
            sink(_window.Close(stationId, at));
        }

        _windowEnd = null;
    }

    /// <summary>The end of the window <paramref name="now"/> falls in: the next multiple of the window length.</summary>
    private DateTimeOffset WindowEnd(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % averaging.Ticks + averaging.Ticks, TimeSpan.Zero);
}
