namespace Moci.Ingest.Broker;

/// <summary>Refusals of the embedded broker since start, per kind, and its open connections. Thread-safe.</summary>
public sealed class BrokerCounters
{
    private readonly long[] _refusals = new long[Enum.GetValues<Refusal>().Length];
    private long _openConnections;

    /// <summary>Raised on every refusal (for metrics exporters).</summary>
    public event Action<Refusal>? Refused;

    public void Refuse(Refusal refusal)
    {
        Interlocked.Increment(ref _refusals[(int)refusal]);
        Refused?.Invoke(refusal);
    }

    /// <summary>How many times the broker refused for <paramref name="refusal"/>.</summary>
    public long Count(Refusal refusal) => Interlocked.Read(ref _refusals[(int)refusal]);

    /// <summary>TCP connections open right now, connected or not yet.</summary>
    public long OpenConnections => Interlocked.Read(ref _openConnections);

    internal void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    internal void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

    /// <summary>Every kind with a non-zero count, by its snake_case name.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => Enum.GetValues<Refusal>()
        .Where(r => Count(r) > 0)
        .ToDictionary(NameOf, Count, StringComparer.Ordinal);

    /// <summary>The snake_case name of a refusal as reports and metrics write it, for example <c>too_many_pending</c>.</summary>
    public static string NameOf(Refusal refusal) =>
        string.Concat(refusal.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
