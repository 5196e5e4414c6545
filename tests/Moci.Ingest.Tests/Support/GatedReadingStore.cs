using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// The real store behind a gate: a write waits until the test opens the gate, so that a test can hold the
/// batch writer in the middle of a commit, as a slow or stuck disk would.
/// </summary>
internal sealed class GatedReadingStore(IReadingStore inner) : IReadingStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first write has reached the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Completes when the first write has passed the gate and is committed.</summary>
    public Task Written => _written.Task;

    public void Open() => _open.TrySetResult();

    public async Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        _entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        var result = await inner.WriteAsync(readings, cancellationToken);
        _written.TrySetResult();
        return result;
    }

    public IAsyncEnumerable<Reading> ReadAsync(string stationId, string metric, TimeRange range, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(stationId, metric, range, cancellationToken);

    public IAsyncEnumerable<Rollup> ReadRollupsAsync(string stationId, string metric, RollupPeriod period, TimeRange range, CancellationToken cancellationToken = default) =>
        inner.ReadRollupsAsync(stationId, metric, period, range, cancellationToken);

    public Task<TimeSpan?> TypicalIntervalAsync(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        inner.TypicalIntervalAsync(stationId, metric, before, cancellationToken);

    public Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default) =>
        inner.LatestAsync(stationId, cancellationToken);
}
