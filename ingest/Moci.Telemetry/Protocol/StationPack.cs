using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// Maps between a station's readings and its SenML packs (wire protocol v1): base name
/// <c>urn:dev:moci:{stationId}:</c>, names from the metric catalogue, absolute UTC times.
/// Thread-safe: stateless.
/// </summary>
public static class StationPack
{
    /// <summary>How far ahead of the hub's clock a reading may be before it is flagged <see cref="QaFlags.ClockSuspect"/>.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Encodes readings of one station, each with its metric's catalogue unit.</summary>
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

            records[i] = new SenMLRecord(baseName + metric.Name, metric.Unit, reading.Value, Time: SenMLTime.ToSeconds(reading.Timestamp));
        }

        return SenMLEncoder.Encode(records, baseName);
    }

    /// <summary>
    /// Turns the decoded records of a pack published on <paramref name="stationId"/>'s topic into readings.
    /// A record is rejected when it names another station, an unknown metric, a unit the metric does not
    /// accept, or carries no numeric value; a value outside the plausible range is kept and flagged.
    /// </summary>
    /// <param name="stationId">The station the topic belongs to.</param>
    /// <param name="records">Resolved records of one pack.</param>
    /// <param name="now">The hub's clock, to flag readings from the future.</param>
    public static PackContents Read(string stationId, IReadOnlyList<SenMLRecord> records, DateTimeOffset now)
    {
        var baseName = WireProtocol.BaseName(stationId);
        var readings = new List<Reading>(records.Count);
        var rejected = new List<RejectedRecord>();
        foreach (var record in records)
        {
            if (TryRead(stationId, baseName, record, now, out var reading, out var reason))
            {
                readings.Add(reading);
            }
            else
            {
                rejected.Add(new RejectedRecord(record, reason));
            }
        }

        return new PackContents(readings, rejected);
    }

    private static bool TryRead(string stationId, string baseName, SenMLRecord record, DateTimeOffset now, out Reading reading, out string reason)
    {
        reading = null!;
        string metricName;
        if (record.Name.StartsWith(baseName, StringComparison.Ordinal))
        {
            metricName = record.Name[baseName.Length..];
        }
        else if (record.Name.StartsWith("urn:dev:moci:", StringComparison.Ordinal))
        {
            reason = $"'{record.Name}' names another station than '{stationId}', whose topic it came on";
            return false;
        }
        else
        {
            metricName = record.Name; // a bare metric name, for simple publishers without a base name
        }

        if (!MetricCatalogue.TryGet(metricName, out var metric))
        {
            reason = $"unknown metric '{metricName}'; known metrics: {MetricCatalogue.KnownNames}";
            return false;
        }

        if (record.Value is not { } raw)
        {
            reason = $"'{metric.Name}' needs a numeric value 'v'";
            return false;
        }

        if (!metric.TryConvertFrom(record.Unit, raw, out var value))
        {
            var accepted = string.Join(" or ", metric.Aliases.Select(a => a.Unit).Prepend(metric.Unit));
            reason = $"unit '{record.Unit}' is not accepted for '{metric.Name}' (send {accepted})";
            return false;
        }

        var flags = QaFlags.None;
        if (!metric.IsPlausible(value))
        {
            flags |= QaFlags.OutOfRange;
        }

        var timestamp = record.Timestamp;
        if (record.TimeWasRelative || timestamp > now + FutureTolerance)
        {
            flags |= QaFlags.ClockSuspect;
        }

        reading = new Reading(stationId, metric.Name, timestamp, value, flags);
        reason = "";
        return true;
    }
}
