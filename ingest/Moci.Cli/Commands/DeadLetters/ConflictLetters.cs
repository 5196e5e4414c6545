using System.Globalization;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// Dead letters of readings whose station, metric and time already hold another value: the first value stays,
/// so such a letter never succeeds and a replay leaves it alone. Worded as the hub words its own.
/// </summary>
internal static class ConflictLetters
{
    /// <summary>How the hub, and a replay, begin the reason of a conflict.</summary>
    public const string ReasonPrefix = "conflict: ";

    /// <summary>Whether <paramref name="letter"/> is a conflict.</summary>
    public static bool Is(DeadLetter letter) => letter.Reason.StartsWith(ReasonPrefix, StringComparison.Ordinal);

    /// <summary>The reason: the metric, the time and both values.</summary>
    public static string Reason(ReadingConflict conflict)
    {
        var (stored, newcomer) = (conflict.Stored, conflict.Rejected);
        return $"{ReasonPrefix}'{newcomer.Metric}' at {SenMLTime.Describe(newcomer.Timestamp)} is already stored as {Describe(stored)}; " +
               $"the new value {Describe(newcomer)} is not stored (the first value of a station, metric and time stays)";
    }

    /// <summary>
    /// A dead letter of its own for the conflicting reading of <paramref name="replayed"/>: the reading as a SenML
    /// record in its metric's unit, on the station's readings topic, with the time the letter was received.
    /// </summary>
    public static DeadLetter For(ReadingConflict conflict, DeadLetter replayed)
    {
        var newcomer = conflict.Rejected;
        var unit = MetricCatalogue.TryGet(newcomer.Metric, out var metric) ? metric.Unit : null;
        var record = new SenMLRecord(WireProtocol.BaseName(newcomer.StationId) + newcomer.Metric, unit, newcomer.Value, Time: SenMLTime.ToSeconds(newcomer.Timestamp));
        return new DeadLetter(replayed.ReceivedAt, WireTopics.Readings(newcomer.StationId), newcomer.StationId, Reason(conflict), SenMLEncoder.EncodeRecord(record));
    }

    private static string Describe(Reading reading) =>
        reading.Value.ToString("R", CultureInfo.InvariantCulture) +
        (reading.Flags == QaFlags.None ? "" : $" (flags: {string.Join(", ", QaFlagNames.Of(reading.Flags))})");
}
