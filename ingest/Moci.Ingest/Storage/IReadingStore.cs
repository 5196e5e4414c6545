using Moci.Telemetry.Readings;

namespace Moci.Ingest.Storage;

/// <summary>
/// The time-series store. Readings are keyed by (station, metric, timestamp) and the store is idempotent on
/// that key: a reading delivered twice is stored once, and the first copy wins; one with another value or
/// flags under a stored key is reported as a conflict, not stored. Implementations are thread-safe; writes
/// are serialised, reads run concurrently with them.
/// </summary>
public interface IReadingStore
{
    /// <summary>
    /// Stores readings in one durable transaction; when it returns, they survive a power cut. Within the batch,
    /// too, the first reading of a key wins and later ones are duplicates or conflicts.
    /// </summary>
    Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default);

    /// <summary>
    /// The readings of one series in the half-open range [<paramref name="from"/>, <paramref name="to"/>),
    /// oldest first, streamed.
    /// </summary>
    IAsyncEnumerable<Reading> ReadAsync(string stationId, string metric, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest reading of every metric of a station, or of every station when <paramref name="stationId"/>
    /// is null, that is not later than the hub's clock: a reading from the future is never "latest".
    /// </summary>
    Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default);
}
