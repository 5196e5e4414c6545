using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Storage;

/// <summary>
/// The time-series store. Readings are keyed by (station, metric, timestamp) and the store is idempotent on
/// that key: a reading delivered twice is stored once. Timestamps are kept to the whole millisecond (UTC). The
/// hourly and daily rollups of each series (<see cref="Rollup"/>) are always in step with the readings the store
/// holds. Implementations are thread-safe; reads run concurrently with writes.
/// <para>
/// What a store can tell about a key that is already taken differs, and <see cref="WriteResult"/> says which:
/// <see cref="SqliteReadingStore"/> looks the key up, keeps the first copy, reports an identical one as a duplicate
/// and one with another value or flags as a conflict, and adds to its rollup tables in the transaction of the
/// readings. <see cref="Influx.InfluxReadingStore"/> writes to InfluxDB, which overwrites a point with the same
/// key (the last copy wins) and reports nothing about it: its results are <see cref="WriteResult.Unclassified"/>,
/// and its rollups are computed from the stored points when they are read.
/// </para>
/// </summary>
public interface IReadingStore
{
    /// <summary>
    /// Stores readings durably; when it returns, the store has them all (they survive a power cut, and so does their
    /// share of the rollups), and when it throws, the caller must not take any of them as stored. In a store that
    /// classifies (<see cref="WriteResult.DuplicatesKnown"/>), within the batch, too, the first reading of a key wins
    /// and later ones are duplicates or conflicts; neither counts in the rollups.
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
