using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// Maps between a station's readings and its SenML packs (wire protocol v1): base name
/// <c>urn:dev:moci:{stationId}:</c>, names from the metric catalogue, absolute UTC times.
/// Thread-safe: stateless.
/// </summary>
public static class StationPack
{
    /// <summary>
    /// The quality flags a station may assert about its own readings, sent in a record's <c>qa</c> extension by their
    /// names (<see cref="QaFlagNames"/>): only <see cref="QaFlags.ClockSuspect"/> (its clock was not known to be
    /// synchronised when it took the reading). Every other flag is the hub's to set, and a station never clears one.
    /// </summary>
    public const QaFlags StationAsserted = QaFlags.ClockSuspect;

    // The names a station may send in "qa", and the flag each asserts.
    private static readonly (string Name, QaFlags Flag)[] Asserted = [.. Enum.GetValues<QaFlags>()
        .Where(f => f != QaFlags.None && (StationAsserted & f) == f)
        .Select(f => (QaFlagNames.Of(f)[0], f))];

    /// <summary>
    /// Encodes readings of one station, each with its metric's catalogue unit; a reading's flags that a station may
    /// assert (<see cref="StationAsserted"/>) go in its record's <c>qa</c> field, the others are the hub's and are not sent.
    /// </summary>
    /// <exception cref="ArgumentException">A reading belongs to another station or names an unknown metric.</exception>
    public static byte[] Encode(string stationId, IReadOnlyList<Reading> readings)
    {
        var baseName = WireProtocol.BaseName(stationId);
        var records = new SenMLRecord[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (reading.StationId != stationId)
            {
                throw new ArgumentException($"reading of station '{reading.StationId}' in a pack of '{stationId}'", nameof(readings));
            }

            if (!MetricCatalogue.TryGet(reading.Metric, out var metric))
            {
                throw new ArgumentException($"unknown metric '{reading.Metric}'", nameof(readings));
            }

            var asserted = reading.Flags & StationAsserted;
            records[i] = new SenMLRecord(
                baseName + metric.Name, metric.Unit, reading.Value, Time: SenMLTime.ToSeconds(reading.Timestamp), Qa: asserted == QaFlags.None ? null : QaFlagNames.Of(asserted));
        }

        return SenMLEncoder.Encode(records, baseName);
    }

    /// <summary>
    /// Turns the decoded records of a pack published on <paramref name="stationId"/>'s topic into readings,
    /// for a station of any kind, under the default <see cref="TimeRules"/>.
    /// </summary>
    public static PackContents Read(string stationId, IReadOnlyList<SenMLRecord> records, DateTimeOffset now) =>
        Read(stationId, null, records, now, TimeRules.Default);

    /// <summary>
    /// Turns the decoded records of a pack published on <paramref name="stationId"/>'s topic into readings.
    /// A record is rejected, with a reason and a <see cref="RejectionKind"/>, when it names another station,
    /// an unknown metric or one the station's kind does not measure, a unit the metric does not accept,
    /// carries no numeric value or one that is not finite in the metric's unit, or has a time the
    /// <paramref name="rules"/> refuse. A value outside the plausible range is kept and flagged
    /// <see cref="QaFlags.OutOfRange"/>; a time the station sent relative to "now" is kept and flagged
    /// <see cref="QaFlags.ClockSuspect"/>, as is one whose <c>qa</c> field names <c>clock_suspect</c> (the station's clock
    /// was not synchronised); other names in <c>qa</c> are ignored, so a station can neither set the hub's flags nor
    /// clear any. Never throws for what a pack holds.
    /// </summary>
    /// <param name="stationId">The station the topic belongs to.</param>
    /// <param name="kind">The station's kind, or null to take metrics of every medium.</param>
    /// <param name="records">Resolved records of one pack.</param>
    /// <param name="now">The hub's clock, against which times are checked.</param>
    /// <param name="rules">Which times are stored.</param>
    public static PackContents Read(string stationId, StationKind? kind, IReadOnlyList<SenMLRecord> records, DateTimeOffset now, TimeRules rules)
    {
        var baseName = WireProtocol.BaseName(stationId);
        var readings = new List<Reading>(records.Count);
        var rejected = new List<RejectedRecord>();
        foreach (var record in records)
        {
            if (TryRead(stationId, kind, baseName, record, now, rules, out var reading, out var rejection, out var reason))
            {
                readings.Add(reading);
            }
            else
            {
                rejected.Add(new RejectedRecord(record, reason, rejection));
            }
        }

        return new PackContents(readings, rejected);
    }

    private static bool TryRead(
        string stationId,
        StationKind? kind,
        string baseName,
        SenMLRecord record,
        DateTimeOffset now,
        TimeRules rules,
        out Reading reading,
        out RejectionKind rejection,
        [NotNullWhen(false)] out string? reason)
    {
        reading = null!;
        rejection = default;
        reason = null;
        string metricName;
        if (record.Name.StartsWith(baseName, StringComparison.Ordinal))
        {
            metricName = record.Name[baseName.Length..];
        }
        else if (record.Name.StartsWith("urn:dev:moci:", StringComparison.Ordinal))
        {
            return Reject(RejectionKind.OtherStation, $"{LogText.Quote(record.Name)} names another station than '{stationId}', whose topic it came on", out rejection, out reason);
        }
        else
        {
            metricName = record.Name; // a bare metric name, for simple publishers without a base name
        }

        if (!MetricCatalogue.TryGet(metricName, out var metric))
        {
            return Reject(RejectionKind.UnknownMetric, $"unknown metric {LogText.Quote(metricName)}; known metrics: {MetricCatalogue.KnownNames}", out rejection, out reason);
        }

        if (kind is { } stationKind && !stationKind.Measures(metric.Medium))
        {
            var medium = metric.Medium == Medium.Air ? "an air" : "a " + metric.Medium.ToString().ToLowerInvariant();
            return Reject(RejectionKind.WrongKind, $"'{metric.Name}' is {medium} metric; station '{stationId}' is {stationKind.Describe()}", out rejection, out reason);
        }

        if (record.Value is not { } raw)
        {
            return Reject(RejectionKind.NoValue, $"'{metric.Name}' needs a numeric value 'v'", out rejection, out reason);
        }

        if (!metric.TryConvertFrom(record.Unit, raw, out var value))
        {
            var accepted = string.Join(" or ", metric.Aliases.Select(a => a.Unit).Prepend(metric.Unit));
            return Reject(RejectionKind.BadUnit, $"unit {LogText.Quote(record.Unit)} is not accepted for '{metric.Name}' (send {accepted})", out rejection, out reason);
        }

        if (!double.IsFinite(value))
        {
            var sent = raw.ToString("R", CultureInfo.InvariantCulture);
            return Reject(RejectionKind.NonFinite, $"'{metric.Name}' value {sent} {record.Unit ?? metric.Unit} is not a finite number in {metric.Unit}", out rejection, out reason);
        }

        if (!rules.TryCheck(record.Time, now, out var timestamp, out rejection, out reason))
        {
            reason = $"'{metric.Name}': {reason}";
            return false;
        }

        var flags = QaFlags.None;
        if (!metric.IsPlausible(value))
        {
            flags |= QaFlags.OutOfRange;
        }

        if (record.TimeWasRelative)
        {
            flags |= QaFlags.ClockSuspect;
        }

        flags |= AssertedBy(record);

        reading = new Reading(stationId, metric.Name, timestamp, value, flags);
        return true;
    }

    /// <summary>The flags the record's <c>qa</c> field asserts that a station may assert; unknown names are ignored.</summary>
    private static QaFlags AssertedBy(SenMLRecord record)
    {
        var flags = QaFlags.None;
        foreach (var name in record.Qa ?? [])
        {
            foreach (var (known, flag) in Asserted)
            {
                if (string.Equals(name, known, StringComparison.Ordinal))
                {
                    flags |= flag;
                }
            }
        }

        return flags;
    }

    private static bool Reject(RejectionKind kind, string text, out RejectionKind rejection, out string reason)
    {
        rejection = kind;
        reason = text;
        return false;
    }
}
