using System.Threading.RateLimiting;

namespace Moci.Ingest.Broker;

/// <summary>
/// A token bucket per station: <c>rate</c> messages per second on average, up to <c>burst</c> at once.
/// One replenishing timer serves all stations. Thread-safe.
/// </summary>
internal sealed class StationRateLimiter(int messagesPerSecond, int burst) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(station =>
        RateLimitPartition.GetTokenBucketLimiter(station, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = messagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one message's token; false when the station is over its rate.</summary>
    public bool TryTake(string stationId)
    {
        using var lease = _limiter.AttemptAcquire(stationId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
