namespace Moci.Telemetry.Protocol;

/// <summary>
/// How long an MQTT client waits before reconnecting: doubling from <c>first</c> up to <c>max</c>, with ±20 %
/// jitter so that stations cut off together do not return together. A connection that stayed up for a while
/// resets the wait; one that drops at once (a broker that refuses us, another client taking over the same id)
/// counts as a failure, so nothing spins. Not thread-safe: one per connection loop.
/// </summary>
public sealed class ReconnectBackoff
{
    /// <summary>A connection that lasted at least this long counts as healthy.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;
    private TimeSpan _next;

    /// <param name="first">The first wait.</param>
    /// <param name="max">The longest wait.</param>
    /// <param name="random">Uniform numbers in [0, 1) for the jitter; the shared generator by default.</param>
    public ReconnectBackoff(TimeSpan first, TimeSpan max, Func<double>? random = null)
    {
        _first = first;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
        _next = first;
    }

    /// <summary>Call after a failed attempt: returns the wait (with jitter) and doubles the next one.</summary>
    public TimeSpan Failed()
    {
        var wait = _next * (0.8 + 0.4 * _random());
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _max.Ticks));
        return wait;
    }

    /// <summary>
    /// Call when a connection ends: a healthy one resets the wait to the first one; a short-lived one counts as
    /// a failure. Returns the wait before reconnecting.
    /// </summary>
    public TimeSpan Ended(TimeSpan connectedFor)
    {
        if (connectedFor >= StableAfter)
        {
            _next = _first;
        }

        return Failed();
    }
}
