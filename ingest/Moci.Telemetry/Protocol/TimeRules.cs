using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// Which reading times the hub stores: none before 2000-01-01T00:00:00Z (a clock that was never set),
/// none more than <see cref="FutureTolerance"/> ahead of the hub's clock, none older than
/// <see cref="BackfillWindow"/>. Checks compare the time as sent before converting it, so no time, however
/// absurd, makes the arithmetic overflow. Thread-safe: immutable.
/// </summary>
public sealed record TimeRules
{
    /// <summary>The earliest time stored: 2000-01-01T00:00:00Z. Earlier times come from clocks that were never set.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Default <see cref="FutureTolerance"/>: 5 minutes, for station clocks that drift between NTP syncs.</summary>
    public static readonly TimeSpan DefaultFutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="BackfillWindow"/>: 30 days, longer than a station's outbox holds readings.</summary>
    public static readonly TimeSpan DefaultBackfillWindow = TimeSpan.FromDays(30);

    private static readonly double EarliestSeconds = SenMLTime.ToSeconds(Earliest);

    /// <summary>Creates rules.</summary>
    /// <param name="futureTolerance">How far ahead of the hub's clock a reading may be; zero or more.</param>
    /// <param name="backfillWindow">How far back from the hub's clock a reading may be; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public TimeRules(TimeSpan futureTolerance, TimeSpan backfillWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(futureTolerance, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backfillWindow, TimeSpan.Zero);
        FutureTolerance = futureTolerance;
        BackfillWindow = backfillWindow;
    }

    /// <summary>5 minutes ahead, 30 days back.</summary>
    public static TimeRules Default { get; } = new(DefaultFutureTolerance, DefaultBackfillWindow);

    /// <summary>How far ahead of the hub's clock a reading may be.</summary>
    public TimeSpan FutureTolerance { get; }

    /// <summary>How far back from the hub's clock a reading may be.</summary>
    public TimeSpan BackfillWindow { get; }

    /// <summary>Checks a record's resolved time against the rules.</summary>
    /// <param name="seconds">The time as resolved from the pack: SenML seconds, any double.</param>
    /// <param name="now">The hub's clock.</param>
    /// <param name="instant">The time as an instant, rounded to the millisecond, when it passes.</param>
    /// <param name="kind">Which rule it breaks, when it does not pass.</param>
    /// <param name="reason">The rule and the time, in words the station's owner can act on; empty when it passes.</param>
    public bool TryCheck(double seconds, DateTimeOffset now, out DateTimeOffset instant, out RejectionKind kind, [NotNullWhen(false)] out string? reason)
    {
        kind = default;
        reason = null;

        // A coarse check on the double first (NaN fails it too); the exact one below compares instants.
        if (!(seconds >= EarliestSeconds - 1))
        {
            return Fail(RejectionKind.Before2000, BeforeEarliest(SenMLTime.Describe(seconds)), out instant, out kind, out reason);
        }

        if (seconds > SenMLTime.ToSeconds(now) + FutureTolerance.TotalSeconds + 1 || !SenMLTime.TryToInstant(seconds, out instant))
        {
            return Fail(RejectionKind.Future, Ahead(SenMLTime.Describe(seconds), now), out instant, out kind, out reason);
        }

        if (instant < Earliest)
        {
            return Fail(RejectionKind.Before2000, BeforeEarliest(SenMLTime.Describe(instant)), out instant, out kind, out reason);
        }

        if (instant - now > FutureTolerance)
        {
            return Fail(RejectionKind.Future, Ahead(SenMLTime.Describe(instant), now), out instant, out kind, out reason);
        }

        if (now - instant > BackfillWindow)
        {
            var text = $"time {SenMLTime.Describe(instant)} is older than the backfill window of {Describe(BackfillWindow)} " +
                       $"(the hub's clock reads {SenMLTime.Describe(now)}); readings that late are not stored";
            return Fail(RejectionKind.TooOld, text, out instant, out kind, out reason);
        }

        return true;
    }

    private static string BeforeEarliest(string time) =>
        $"time {time} is before 2000-01-01T00:00:00Z: the station's clock is not set; set it (e.g. by NTP) before sending";

    private string Ahead(string time, DateTimeOffset now) =>
        $"time {time} is in the future, more than {Describe(FutureTolerance)} ahead of the hub's clock " +
        $"({SenMLTime.Describe(now)}); check the station's clock (e.g. NTP)";

    private static bool Fail(RejectionKind rule, string text, out DateTimeOffset instant, out RejectionKind kind, out string reason)
    {
        instant = default;
        kind = rule;
        reason = text;
        return false;
    }

    /// <summary>A duration in the largest whole unit that states it exactly: "5 minutes", "30 days".</summary>
    private static string Describe(TimeSpan span)
    {
        static string Count(double count, string unit) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");

        return span.Ticks switch
        {
            0 => "0 seconds",
            _ when span.Ticks % TimeSpan.TicksPerDay == 0 => Count(span.TotalDays, "day"),
            _ when span.Ticks % TimeSpan.TicksPerHour == 0 => Count(span.TotalHours, "hour"),
            _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => Count(span.TotalMinutes, "minute"),
            _ => Count(span.TotalSeconds, "second"),
        };
    }
}
