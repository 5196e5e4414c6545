using Moci.Ingest.Health;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Queries;

/// <summary>
/// The stations' health reports as the API and the pages show them, read from the hub's database only (never the
/// intake's memory), so that a dashboard in another process than the ingest shows the same. Thread-safe.
/// </summary>
public sealed class StationHealthQueries(StationRegistry registry, StationHealthStore store)
{
    /// <summary>
    /// The newest health report of a registered station: <see cref="HealthLookup.UnknownStation"/> when no such station
    /// is registered, <see cref="HealthLookup.NoneYet"/> before its first report.
    /// </summary>
    public async Task<(HealthLookup Outcome, LatestHealth? Health)> LatestAsync(string stationId, CancellationToken cancellationToken = default)
    {
        if (!registry.TryGet(stationId, out _))
        {
            return (HealthLookup.UnknownStation, null);
        }

        return await store.FindAsync(stationId, cancellationToken) is { } health
            ? (HealthLookup.Found, health)
            : (HealthLookup.NoneYet, null);
    }
}
