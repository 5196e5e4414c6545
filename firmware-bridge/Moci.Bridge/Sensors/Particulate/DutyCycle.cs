namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// When a laser particle sensor runs. Its laser and fan wear out (the SDS011 is rated for about 8000 hours of laser
/// life, under a year of continuous running), so a station may run it for a minute in every few and let it sleep in
/// between. After every wake-up the fan needs time to bring the air flow to speed: readings taken during
/// <see cref="WarmUp"/> are discarded.
/// </summary>
/// <param name="Period">
/// Length of one cycle: the sensor wakes at its start. <see cref="TimeSpan.Zero"/> for no cycle: the sensor runs all
/// the time, and only the first <see cref="WarmUp"/> after the start is discarded.
/// </param>
/// <param name="WarmUp">
/// How long after a wake-up readings are discarded. 30 s is what the SDS011 protocol itself allows the fan in its
/// working-period mode (Laser Dust Sensor Control Protocol V1.3, command 8: "work 30 seconds", then measure).
/// </param>
/// <param name="Measure">How long the sensor gives readings after its warm-up in each cycle; unused without a cycle.</param>
internal sealed record DutyCycle(TimeSpan Period, TimeSpan WarmUp, TimeSpan Measure)
{
    /// <summary>Always on, readings discarded for the first 30 s.</summary>
    public static DutyCycle Continuous { get; } = new(TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.Zero);

    /// <summary>True when the sensor runs all the time.</summary>
    public bool IsContinuous => Period == TimeSpan.Zero;

    /// <summary>What is wrong with these settings, each naming the setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WarmUp < TimeSpan.Zero)
        {
            problems.Add($"WarmUp must not be negative (was {WarmUp}).");
        }

        if (IsContinuous)
        {
            return problems;
        }

        if (Period < TimeSpan.Zero)
        {
            problems.Add($"Period must be zero (always on) or positive (was {Period}).");
        }
        else if (Measure <= TimeSpan.Zero)
        {
            problems.Add($"Measure must be positive when there is a Period (was {Measure}).");
        }
        else if (WarmUp + Measure >= Period)
        {
            problems.Add($"WarmUp + Measure ({WarmUp + Measure}) must be shorter than Period ({Period}), or the sensor never sleeps: set Period to 00:00:00 to run it all the time.");
        }

        return problems;
    }
}
