using Moci.Dashboard.Charts;
using Moci.Ingest.Queries;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Stations;

/// <summary>
/// Reads what the pages show through the hub's query services (<see cref="StationQueries"/>, <see cref="SeriesQueries"/>),
/// which answer from the database alone: the pages show the same whether the ingest runs in this process or another.
/// </summary>
public sealed class StationOverview(StationQueries stations, SeriesQueries series, DeadLetterStore deadLetters)
{
    /// <summary>Every station with its latest values.</summary>
    public async Task<IReadOnlyList<StationSummary>> AllAsync(CancellationToken cancellationToken = default) =>
        (await stations.AllAsync(cancellationToken)).Select(Summarise).ToList();

    /// <summary>One station with its latest values, or null when no such station is registered.</summary>
    public async Task<StationSummary?> OneAsync(string id, CancellationToken cancellationToken = default) =>
        await stations.OneAsync(id, cancellationToken) is { } station ? Summarise(station) : null;

    /// <summary>
    /// What a chart <paramref name="columns"/> pixel columns wide draws of one metric over <paramref name="range"/>: the
    /// readings, or the hourly or daily rollups when they still give a point per column (a year: hours, never a scan of
    /// the readings).
    /// </summary>
    public async Task<ChartSeries> ChartAsync(string stationId, Metric metric, TimeRange range, int columns, CancellationToken cancellationToken = default)
    {
        var resolution = Resolutions.Choose(range, columns);
        if (resolution != Resolution.Raw)
        {
            return ChartSeries.FromPeriods(await series.PeriodsAsync(stationId, metric.Name, resolution, range, cancellationToken));
        }

        var readings = await ReadingsAsync(stationId, metric, range, cancellationToken);
        var points = readings.Where(r => double.IsFinite(r.Value)).Select(r => new ChartPoint(r.Timestamp, r.Value, r.Flags.IsSuspect())).ToList();
        return ChartSeries.FromReadings(points, readings.Count);
    }

    /// <summary>The readings of one metric of a station in <paramref name="range"/>.</summary>
    public async Task<IReadOnlyList<Reading>> ReadingsAsync(string stationId, Metric metric, TimeRange range, CancellationToken cancellationToken = default)
    {
        var readings = new List<Reading>();
        await foreach (var reading in series.ReadingsAsync(stationId, metric.Name, range, cancellationToken))
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

    private static StationSummary Summarise(StationActivity activity)
    {
        var byMetric = activity.Latest.ToDictionary(r => r.Metric);
        var values = MetricCatalogue.All
            .Where(m => byMetric.ContainsKey(m.Name))
            .Select(m => new LatestValue(m, byMetric[m.Name]))
            .ToList();
        return new StationSummary(activity.Station, activity.Online, values);
    }
}
