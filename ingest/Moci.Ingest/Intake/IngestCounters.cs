using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Intake;

/// <summary>Running totals of the intake since start. Thread-safe: interlocked increments.</summary>
public sealed class IngestCounters
{
    private readonly long[] _rejected = new long[RejectionKindNames.All.Count];
    private long _messagesReceived;
    private long _readingsStored;
    private long _duplicatesIgnored;
    private long _readingsUnclassified;
    private long _conflicts;
    private long _deadLetters;
    private long _batchesCommitted;
    private long _acksPublished;
    private long _brokerQueueDrops;

    public void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    /// <summary>Counts one committed batch.</summary>
    /// <param name="stored">Readings newly stored.</param>
    /// <param name="duplicates">Readings already stored with the same value and flags.</param>
    /// <param name="conflicts">Readings whose key was stored with another value or flags; each is also a dead letter.</param>
    /// <param name="deadLetters">Dead letters stored, conflicts included.</param>
    public void Committed(int stored, int duplicates, int conflicts, int deadLetters)
    {
        Interlocked.Add(ref _readingsStored, stored);
        Interlocked.Add(ref _duplicatesIgnored, duplicates);
        Interlocked.Add(ref _conflicts, conflicts);
        Interlocked.Add(ref _deadLetters, deadLetters);
        Interlocked.Increment(ref _batchesCommitted);
    }

    /// <summary>
    /// Counts one committed batch written to a store that cannot tell new readings from duplicates or conflicts
    /// (InfluxDB overwrites a point with the same key): its readings are counted apart, not as stored, duplicate or
    /// conflicting, so that nothing reads "0 duplicates" where nobody knows.
    /// </summary>
    /// <param name="written">Readings the store took.</param>
    /// <param name="deadLetters">Dead letters stored.</param>
    public void CommittedUnclassified(int written, int deadLetters)
    {
        Interlocked.Add(ref _readingsUnclassified, written);
        Interlocked.Add(ref _deadLetters, deadLetters);
        Interlocked.Increment(ref _batchesCommitted);
    }

    /// <summary>Counts a committed dead letter of a message or record by the check it failed.</summary>
    public void Rejected(RejectionKind kind) => Interlocked.Increment(ref _rejected[(int)kind]);

    public void AckPublished() => Interlocked.Increment(ref _acksPublished);

    public void BrokerQueueDrop() => Interlocked.Increment(ref _brokerQueueDrops);

    /// <summary>A consistent-enough copy of the totals for reporting.</summary>
    public IngestCountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _messagesReceived),
        Interlocked.Read(ref _readingsStored),
        Interlocked.Read(ref _duplicatesIgnored),
        Interlocked.Read(ref _conflicts),
        Interlocked.Read(ref _deadLetters),
        Interlocked.Read(ref _batchesCommitted),
        Interlocked.Read(ref _acksPublished),
        Interlocked.Read(ref _brokerQueueDrops),
        RejectionKindNames.All.ToDictionary(RejectionKindNames.Of, kind => Interlocked.Read(ref _rejected[(int)kind]), StringComparer.Ordinal)) { ReadingsUnclassified = Interlocked.Read(ref _readingsUnclassified) };
}
