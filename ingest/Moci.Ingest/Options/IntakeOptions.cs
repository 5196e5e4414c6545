using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Options;

/// <summary>Which readings the intake takes, by their time. Section <c>Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Longest <see cref="FutureTolerance"/> accepted: a station a day ahead has no working clock.</summary>
    public static readonly TimeSpan MaxFutureTolerance = TimeSpan.FromDays(1);

    /// <summary>Longest <see cref="BackfillWindow"/> accepted: 10 years.</summary>
    public static readonly TimeSpan MaxBackfillWindow = TimeSpan.FromDays(3650);

    /// <summary>
    /// How far ahead of the hub's clock a reading's time may be; later readings are dead-lettered.
    /// 0 … 1 day. Default 00:05:00.
    /// </summary>
    public TimeSpan FutureTolerance { get; set; } = TimeRules.DefaultFutureTolerance;

    /// <summary>
    /// How far back from the hub's clock a reading's time may be (a station catching up after an outage);
    /// older readings are dead-lettered. More than 0, at most 3650 days. Default 30.00:00:00.
    /// </summary>
    public TimeSpan BackfillWindow { get; set; } = TimeRules.DefaultBackfillWindow;

    /// <summary>The rules these settings describe.</summary>
    public TimeRules ToTimeRules() => new(FutureTolerance, BackfillWindow);
}
