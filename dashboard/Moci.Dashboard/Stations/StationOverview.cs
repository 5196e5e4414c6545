using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Stations;

/// <summary>Reads what the pages show about stations from the hub's registry, presence and store.</summary>
public sealed class StationOverview(StationRegistry registry, StationPresence presence, IReadingStore store, DeadLetterStore deadLetters)
{
    /// <summary>Every station with its latest values (one query for all stations).</summary>
    public async Task<IReadOnlyList<StationSummary>> AllAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await store.LatestAsync(null, cancellationToken)).ToLookup(r => r.StationId);
        return registry.All.Select(s => Summarise(s, latest[s.Id])).ToList();
    }

    /// <summary>One station with its latest values, or null when no such station is registered.</summary>
    public async Task<StationSummary?> OneAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!registry.TryGet(id, out var station))
        {
            return null;
        }

        return Summarise(station, await store.LatestAsync(id, cancellationToken));
    }

    /// <summary>The readings of one metric of a station in <paramref name="range"/>.</summary>
    public async Task<IReadOnlyList<Reading>> ReadingsAsync(string stationId, Metric metric, TimeRange range, CancellationToken cancellationToken = default)
    {
        var readings = new List<Reading>();
        await foreach (var reading in store.ReadAsync(stationId, metric.Name, range, cancellationToken))
        {
            readings.Add(reading);
        }

        return readings;
    }

    /// <summary>
    /// How many of the station's messages or records could not be stored, and the newest of them without its
    /// payload (<see cref="DeadLetter.Payload"/> is empty): the page shows the reason, and a payload may be large.
    /// </summary>
    public async Task<(long Count, DeadLetter? Newest)> RejectedAsync(string stationId, CancellationToken cancellationToken = default)
    {
        var count = await deadLetters.CountAsync(stationId, cancellationToken);
        var newest = count == 0 ? null : (await deadLetters.ListAsync(stationId, 1, before: null, payloadBytes: 0, cancellationToken)).FirstOrDefault();
        return (count, newest);
    }

    private StationSummary Summarise(Station station, IEnumerable<Reading> latest)
    {
        var byMetric = latest.ToDictionary(r => r.Metric);
        var values = MetricCatalogue.All
            .Where(m => byMetric.ContainsKey(m.Name))
            .Select(m => new LatestValue(m, byMetric[m.Name]))
            .ToList();
        return new StationSummary(station, presence.Get(station.Id)?.Online, values);
    }
}
