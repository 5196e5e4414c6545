namespace Moci.Telemetry.Readings;

/// <summary>The snake_case names of QA flags as the API and exports write them.</summary>
public static class QaFlagNames
{
    private static readonly (QaFlags Flag, string Name)[] Names =
    [
        (QaFlags.OutOfRange, "out_of_range"),
        (QaFlags.ClockSuspect, "clock_suspect"),
        (QaFlags.HubTimed, "hub_timed"),
    ];

    /// <summary>The names of the flags set in <paramref name="flags"/>, in a fixed order.</summary>
    public static string[] Of(QaFlags flags)
    {
        if (flags == QaFlags.None)
        {
            return [];
        }

        return Names.Where(n => flags.HasFlag(n.Flag)).Select(n => n.Name).ToArray();
    }
}
