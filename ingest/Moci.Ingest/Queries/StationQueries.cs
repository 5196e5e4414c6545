using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Queries;

/// <summary>
/// The stations as the pages show them, read from the station registry and the reading store only, never from the
/// intake's memory, so that a dashboard in another process than the ingest (on the same database) shows the same.
/// Online means reporting: a station is online while its newest reading is younger than
/// <see cref="SilentIntervals"/> of its usual intervals (the median gap of its newest readings), and at least
/// <see cref="MinimumSilence"/>, which covers a station that sends a batch every few minutes. Thread-safe.
/// </summary>
public sealed class StationQueries(StationRegistry registry, IReadingStore store, TimeProvider time)
{
    /// <summary>Intervals without a reading after which a station counts as offline.</summary>
    public const int SilentIntervals = 3;

    /// <summary>The shortest silence after which a station counts as offline, whatever its interval.</summary>
    public static readonly TimeSpan MinimumSilence = TimeSpan.FromMinutes(5);

    /// <summary>Every registered station (one query for the latest values of all of them, and one per station that reported).</summary>
    public async Task<IReadOnlyList<StationActivity>> AllAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await store.LatestAsync(null, cancellationToken)).ToLookup(r => r.StationId);
        var now = time.GetUtcNow();
        var stations = new List<StationActivity>();
        foreach (var station in registry.All)
        {
            stations.Add(await ActivityAsync(station, latest[station.Id].ToList(), now, cancellationToken));
        }

        return stations;
    }

    /// <summary>One station, or null when no such station is registered.</summary>
    public async Task<StationActivity?> OneAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!registry.TryGet(id, out var station))
        {
            return null;
        }

        var latest = await store.LatestAsync(id, cancellationToken);
        return await ActivityAsync(station, latest, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Whether a station whose newest reading was taken at <paramref name="last"/> and that usually sends every
    /// <paramref name="interval"/> (null when unknown) is reporting at <paramref name="now"/>.
    /// </summary>
    public static bool? IsOnline(DateTimeOffset? last, TimeSpan? interval, DateTimeOffset now)
    {
        if (last is not { } newest)
        {
            return null;
        }

        var silence = interval is { } usual && usual * SilentIntervals > MinimumSilence ? usual * SilentIntervals : MinimumSilence;
        return now - newest <= silence;
    }

    private async Task<StationActivity> ActivityAsync(Station station, IReadOnlyList<Reading> latest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (latest.Count == 0)
        {
            return new StationActivity(station, latest, null);
        }

        var newest = latest.MaxBy(r => r.Timestamp)!;
        var interval = await store.TypicalIntervalAsync(station.Id, newest.Metric, now, cancellationToken);
        return new StationActivity(station, latest, IsOnline(newest.Timestamp, interval, now));
    }
}
