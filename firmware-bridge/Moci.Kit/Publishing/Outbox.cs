namespace Moci.Kit.Publishing;

/// <summary>
/// Batches that left the sampler and are not yet acknowledged by the hub. A batch is removed only by the
/// hub's acknowledgement <c>{"seq": N}</c> of that very batch, never by the broker's PUBACK, which proves
/// nothing about storage. An acknowledgement covers one batch, not every batch below it: a batch the
/// broker lost (no subscriber yet, queue overflow, broker restart) must not be deleted by the
/// acknowledgement of a later one. When full, the oldest batch is dropped and counted. Kept in memory: a
/// restart of the bridge loses what is waiting. Thread-safe.
/// </summary>
public sealed class Outbox(int capacity)
{
    private readonly LinkedList<OutboxBatch> _batches = new();
    private readonly Dictionary<long, LinkedListNode<OutboxBatch>> _bySequence = [];
    private readonly Lock _lock = new();
    private long _nextSequence = 1;
    private long _dropped;
    private long _acknowledged;

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

    /// <summary>Batches the hub acknowledged since start.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Adds a batch with the next sequence number.</summary>
    public OutboxBatch Add(byte[] payload, int readings)
    {
        lock (_lock)
        {
            var batch = new OutboxBatch(_nextSequence++, payload, readings);
            _bySequence[batch.Sequence] = _batches.AddLast(batch);
            if (_batches.Count > capacity)
            {
                _bySequence.Remove(_batches.First!.Value.Sequence);
                _batches.RemoveFirst();
                Interlocked.Increment(ref _dropped);
            }

            return batch;
        }
    }

    /// <summary>Removes the batch with <paramref name="sequence"/>; false when it is not (or no longer) waiting.</summary>
    public bool Acknowledge(long sequence)
    {
        lock (_lock)
        {
            if (!_bySequence.Remove(sequence, out var node))
            {
                return false;
            }

            _batches.Remove(node);
            Interlocked.Increment(ref _acknowledged);
            return true;
        }
    }

    /// <summary>
    /// Batches to send now, oldest first: never sent, or sent longer than <paramref name="ackTimeout"/> ago
    /// without an acknowledgement (the broker or the hub may have lost them).
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
