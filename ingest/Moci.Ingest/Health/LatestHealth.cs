using System.Globalization;

namespace Moci.Ingest.Health;

/// <summary>The newest health report the hub holds of a station (<see cref="StationHealthStore"/>). Immutable.</summary>
/// <param name="Report">The report as the station sent it, checked.</param>
/// <param name="ReceivedAt">When the hub first received this report (UTC, the hub's clock).</param>
public sealed record LatestHealth(StationHealth Report, DateTimeOffset ReceivedAt)
{
    /// <summary>An outbox whose oldest reading waits longer than this is a warning: the station has not reached the hub for an hour.</summary>
    public static readonly TimeSpan OutboxWarningAge = TimeSpan.FromHours(1);

    /// <summary>
    /// What is wrong with the station, one plain sentence each, in the order a student should look: sensors that give
    /// no values, readings lost, readings waiting, an unsynchronised clock. Empty when nothing is.
    /// </summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        foreach (var sensor in Report.Sensors.Where(s => s.IsFaulty))
        {
            var what = sensor.State == SensorHealth.Missing ? "is missing (it cannot be opened)" : "is failing (its last read failed)";
            warnings.Add(sensor.LastError is { } error
                ? $"Sensor '{sensor.Name}' ({sensor.Type}) {what}: {error}"
                : $"Sensor '{sensor.Name}' ({sensor.Type}) {what}.");
        }

        if (Report.Outbox.Dropped > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Report.Outbox.Dropped} {(Report.Outbox.Dropped == 1 ? "reading was" : "readings were")} dropped because the station's outbox was full: they are lost."));
        }

        if (Report.Outbox.OldestAgeSeconds is { } oldest && TimeSpan.FromSeconds(oldest) > OutboxWarningAge)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The oldest reading in the station's outbox has waited {oldest / 3600:0.#} h for the hub ({Report.Outbox.Depth} waiting): check the station's network and broker settings."));
        }

        if (!Report.Clock.Synchronised)
        {
            warnings.Add($"The station's clock is not synchronised (source: {Report.Clock.Source}): its readings are flagged clock_suspect until NTP or a GPS fix vouches for it.");
        }

        return warnings;
    }
}
