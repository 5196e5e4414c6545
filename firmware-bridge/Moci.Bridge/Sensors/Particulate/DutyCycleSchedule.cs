namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Follows a <see cref="DutyCycle"/> on a <see cref="TimeProvider"/>: says at each read whether the sensor should be
/// woken or put to sleep and whether its data is to be used. The first cycle starts at the first read. Not
/// thread-safe: used by one sensor's reads.
/// </summary>
internal sealed class DutyCycleSchedule(DutyCycle cycle, TimeProvider time)
{
    private DateTimeOffset? _cycleStart;
    private bool? _toldAwake;
    private DateTimeOffset _wokeAt;

    /// <summary>The command to send now, if any, and what the sensor is doing once it is sent.</summary>
    public (LaserCommand Command, LaserState State) Next()
    {
        var now = time.GetUtcNow();
        _cycleStart ??= now;
        var awake = cycle.IsContinuous || (now - _cycleStart.Value).Ticks % cycle.Period.Ticks < (cycle.WarmUp + cycle.Measure).Ticks;

        var command = LaserCommand.None;
        if (awake && _toldAwake != true)
        {
            command = LaserCommand.Wake;
            _wokeAt = now;
        }
        else if (!awake && _toldAwake != false)
        {
            command = LaserCommand.Sleep;
        }

        _toldAwake = awake;
        var state = !awake ? LaserState.Asleep : now - _wokeAt < cycle.WarmUp ? LaserState.WarmingUp : LaserState.Measuring;
        return (command, state);
    }

    /// <summary>
    /// The sensor stopped answering or its state is unknown: the next step sends the command for the current phase
    /// again, and a wake-up starts a new warm-up (the sensor may have lost power).
    /// </summary>
    public void Forget() => _toldAwake = null;
}
