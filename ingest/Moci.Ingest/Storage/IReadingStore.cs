using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Storage;

/// <summary>
/// The time-series store. Readings are keyed by (station, metric, timestamp) and the store is idempotent on
/// that key: a reading delivered twice is stored once, and the first copy wins; one with another value or
/// flags under a stored key is reported as a conflict, not stored. Beside the readings the store keeps hourly and
/// daily rollups of each series (<see cref="Rollup"/>), always in step with the readings it holds: a write adds
/// exactly the readings it stores to them, in the same transaction. Implementations are thread-safe; writes
/// are serialised, reads run concurrently with them.
/// </summary>
public interface IReadingStore
{
    /// <summary>
    /// Stores readings in one durable transaction; when it returns, they survive a power cut, and so does their
    /// share of the rollups. Within the batch, too, the first reading of a key wins and later ones are duplicates
    /// or conflicts; neither counts in the rollups.
    /// </summary>
    Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default);

    /// <summary>The readings of one series in <paramref name="range"/>, oldest first, streamed.</summary>
    IAsyncEnumerable<Reading> ReadAsync(string stationId, string metric, TimeRange range, CancellationToken cancellationToken = default);

    /// <summary>
    /// The hourly or daily rollups of one series whose period starts in <paramref name="range"/>, oldest first,
    /// streamed. A period in which nothing is stored has no rollup.
    /// </summary>
    IAsyncEnumerable<Rollup> ReadRollupsAsync(string stationId, string metric, RollupPeriod period, TimeRange range, CancellationToken cancellationToken = default);

    /// <summary>
    /// The usual time between two readings of a series: the median gap between its newest readings before
    /// <paramref name="before"/> (a bounded sample, whatever the series holds); null when it holds fewer than two.
    /// </summary>
    Task<TimeSpan?> TypicalIntervalAsync(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest reading of every metric of a station, or of every station when <paramref name="stationId"/>
    /// is null, that is not later than the hub's clock: a reading from the future is never "latest".
    /// </summary>
    Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default);
}
