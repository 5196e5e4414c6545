namespace Moci.Tests.Shared;

/// <summary>
/// Waits for a condition that becomes true in its own time (a page filling, a counter reaching a value) by
/// probing it, and fails with the last state it saw. The test then asserts on the value returned, so it can
/// still fail by assertion, not only by time-out.
/// </summary>
public static class Eventually
{
    /// <summary>Probes until <paramref name="done"/> holds and returns that probe's value.</summary>
    /// <exception cref="TimeoutException">Not reached in time; the message describes the last probe.</exception>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"not reached within {timeout}; last seen: {describe(value)}");
            }

            await Task.Delay(100);
        }
    }
}
