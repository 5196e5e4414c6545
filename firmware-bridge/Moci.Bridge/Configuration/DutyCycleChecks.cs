using Moci.Bridge.Sensors.Particulate;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Start-up checks of a PM sensor's <c>dutyCycle</c>, and its conversion to the drivers' <see cref="Sensors.Particulate.DutyCycle"/>.
/// Thread-safe: stateless.
/// </summary>
internal static class DutyCycleChecks
{
    /// <summary>The fan's warm-up after each wake-up, whose readings are discarded (the drivers' default).</summary>
    public static TimeSpan WarmUp => DutyCycle.Continuous.WarmUp;

    /// <summary>The shortest sleep taken: a shorter one saves the laser nothing.</summary>
    public static readonly TimeSpan MinSleep = TimeSpan.FromSeconds(1);

    /// <summary>The longest work or sleep period taken.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    /// <summary>Checks <c>dutyCycle</c> of the sensor at <paramref name="at"/>.</summary>
    /// <param name="at">The sensor.</param>
    /// <param name="interval">Its time between two reads; null when the sampling defaults are wrong themselves.</param>
    /// <param name="failures">Where problems go.</param>
    public static void Check(SensorListValidator.Where at, TimeSpan? interval, List<string> failures)
    {
        var cycle = at.Options.DutyCycle!;
        var warmUp = Duration.Format(WarmUp);
        if (cycle.Work is not { } work)
        {
            failures.Add($"{at.Key("dutyCycle:work")} ({at.Sensor}) is missing; give how long the sensor runs in each cycle, more than its {warmUp} warm-up, " +
                         "e.g. \"dutyCycle\": { \"work\": \"1m\", \"sleep\": \"4m\" }; or remove dutyCycle to keep it always on.");
        }
        else if (work <= WarmUp || work > MaxPeriod)
        {
            failures.Add($"{at.Key("dutyCycle:work")} ({at.Sensor}) must be longer than the fan's {warmUp} warm-up (whose readings are discarded) and at most 1d " +
                         $"(was {Duration.Format(work)}); e.g. 1m gives 30 s of readings in each cycle.");
        }
        else if (interval is { } every && every > work - WarmUp)
        {
            failures.Add($"{at.Key("dutyCycle:work")} ({at.Sensor}): after the {warmUp} warm-up the sensor measures for {Duration.Format(work - WarmUp)}, shorter than its interval " +
                         $"({Duration.Format(every)}), so no read would fall into it; make work at least {Duration.Format(WarmUp + every)} or the interval shorter.");
        }

        if (cycle.Sleep is not { } sleep)
        {
            failures.Add($"{at.Key("dutyCycle:sleep")} ({at.Sensor}) is missing; give how long the sensor sleeps between two work periods, e.g. \"4m\".");
        }
        else if (sleep < MinSleep || sleep > MaxPeriod)
        {
            failures.Add($"{at.Key("dutyCycle:sleep")} ({at.Sensor}) must be between 1s and 1d (was {Duration.Format(sleep)}); remove dutyCycle to keep the sensor always on.");
        }
    }

    /// <summary>The drivers' duty cycle for a checked configuration: always on without one.</summary>
    public static DutyCycle ToDutyCycle(DutyCycleOptions? options) =>
        options is { Work: { } work, Sleep: { } sleep }
            ? new DutyCycle(work + sleep, WarmUp, work - WarmUp)
            : DutyCycle.Continuous;
}
