namespace Moci.Bridge.Publishing;

/// <summary>
/// Batches that left the sampler and are not yet acknowledged by the hub. A batch is removed only by an
/// acknowledgement <c>{"seq": N}</c> covering it, never by the broker's PUBACK, which proves nothing about
/// storage. When full, the oldest batch is dropped and counted. Kept in memory: a restart of the bridge
/// loses what is waiting. Thread-safe.
/// </summary>
public sealed class Outbox(int capacity)
{
    private readonly LinkedList<OutboxBatch> _batches = new();
    private readonly Lock _lock = new();
    private long _nextSequence = 1;
    private long _dropped;

    /// <summary>Batches waiting for acknowledgement.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _batches.Count;
            }
        }
    }

    /// <summary>Batches dropped because the outbox was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The highest sequence number the hub acknowledged, or 0.</summary>
    public long Acknowledged { get; private set; }

    /// <summary>Adds a batch with the next sequence number.</summary>
    public OutboxBatch Add(byte[] payload, int readings)
    {
        lock (_lock)
        {
            var batch = new OutboxBatch(_nextSequence++, payload, readings);
            _batches.AddLast(batch);
            if (_batches.Count > capacity)
            {
                _batches.RemoveFirst();
                Interlocked.Increment(ref _dropped);
            }

            return batch;
        }
    }

    /// <summary>Removes every batch up to and including <paramref name="sequence"/>; returns how many.</summary>
    public int Acknowledge(long sequence)
    {
        lock (_lock)
        {
            var removed = 0;
            while (_batches.First is { } first && first.Value.Sequence <= sequence)
            {
                _batches.RemoveFirst();
                removed++;
            }

            Acknowledged = Math.Max(Acknowledged, sequence);
            return removed;
        }
    }

    /// <summary>
    /// Batches to send now, oldest first: never sent, or sent longer than <paramref name="ackTimeout"/> ago
    /// without an acknowledgement (the hub may have restarted after taking them).
    /// </summary>
    public IReadOnlyList<OutboxBatch> Due(DateTimeOffset now, TimeSpan ackTimeout)
    {
        lock (_lock)
        {
            return _batches.Where(b => b.SentAt is not { } sent || now - sent >= ackTimeout).ToList();
        }
    }

    /// <summary>Marks every batch as unsent, so a new connection sends them all again.</summary>
    public void ResendAll()
    {
        lock (_lock)
        {
            foreach (var batch in _batches)
            {
                batch.SentAt = null;
            }
        }
    }
}
