namespace Moci.Ingest.Intake;

/// <summary>Running totals of the intake since start. Thread-safe: interlocked increments.</summary>
public sealed class IngestCounters
{
    private long _messagesReceived;
    private long _readingsStored;
    private long _duplicatesIgnored;
    private long _deadLetters;
    private long _batchesCommitted;
    private long _acksPublished;
    private long _brokerQueueDrops;

    public void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    public void Committed(int stored, int duplicates, int deadLetters)
    {
        Interlocked.Add(ref _readingsStored, stored);
        Interlocked.Add(ref _duplicatesIgnored, duplicates);
        Interlocked.Add(ref _deadLetters, deadLetters);
        Interlocked.Increment(ref _batchesCommitted);
    }

    public void AckPublished() => Interlocked.Increment(ref _acksPublished);

    public void BrokerQueueDrop() => Interlocked.Increment(ref _brokerQueueDrops);

    /// <summary>A consistent-enough copy of the totals for reporting.</summary>
    public IngestCountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _messagesReceived),
        Interlocked.Read(ref _readingsStored),
        Interlocked.Read(ref _duplicatesIgnored),
        Interlocked.Read(ref _deadLetters),
        Interlocked.Read(ref _batchesCommitted),
        Interlocked.Read(ref _acksPublished),
        Interlocked.Read(ref _brokerQueueDrops));
}
