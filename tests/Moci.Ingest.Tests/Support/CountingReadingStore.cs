using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// A store that counts the raw and rollup reads passed to the real one, so that a test can assert which path a
/// query takes rather than how long it took.
/// </summary>
internal sealed class CountingReadingStore(IReadingStore inner) : IReadingStore
{
    private int _rawReads;
    private int _hourlyRollupReads;

    /// <summary>Calls of <see cref="ReadAsync"/> (a scan of raw readings).</summary>
    public int RawReads => Volatile.Read(ref _rawReads);

    /// <summary>Calls of <see cref="ReadRollupsAsync"/> for hourly rollups.</summary>
    public int HourlyRollupReads => Volatile.Read(ref _hourlyRollupReads);

    public void Reset()
    {
        Interlocked.Exchange(ref _rawReads, 0);
        Interlocked.Exchange(ref _hourlyRollupReads, 0);
    }

    public Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(readings, cancellationToken);

    public IAsyncEnumerable<Reading> ReadAsync(string stationId, string metric, TimeRange range, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _rawReads);
        return inner.ReadAsync(stationId, metric, range, cancellationToken);
    }

    public IAsyncEnumerable<Rollup> ReadRollupsAsync(string stationId, string metric, RollupPeriod period, TimeRange range, CancellationToken cancellationToken = default)
    {
        if (period == RollupPeriod.Hour)
        {
            Interlocked.Increment(ref _hourlyRollupReads);
        }

        return inner.ReadRollupsAsync(stationId, metric, period, range, cancellationToken);
    }

    public Task<TimeSpan?> TypicalIntervalAsync(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        inner.TypicalIntervalAsync(stationId, metric, before, cancellationToken);

    public Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default) =>
        inner.LatestAsync(stationId, cancellationToken);
}
