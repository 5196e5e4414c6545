namespace Moci.Kit.Publishing;

/// <summary>
/// Wakes a loop that waits for something to do. The loop takes <see cref="Next"/> before it looks at its
/// state, then awaits it: a <see cref="Set"/> after that look is never missed, and several count as one.
/// Thread-safe.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts a new round: the task completes at the next <see cref="Set"/>.</summary>
    public Task Next()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _signal, fresh);
        return fresh.Task;
    }

    /// <summary>Wakes the loop (now, or at its next wait if it is busy).</summary>
    public void Set() => Volatile.Read(ref _signal).TrySetResult();
}
