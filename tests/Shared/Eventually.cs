using System.Diagnostics;

namespace Moci.Tests.Shared;

/// <summary>
/// Waits for a state that is reached in its own time (a page filling, a counter reaching a value, a row committed
/// by a hub in another process) where there is no event to await, by probing it, and fails with the last state it
/// saw. The test then asserts on the value returned, so it can still fail by assertion, not only by time-out.
/// Compiled into every test project.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Probes until <paramref name="done"/> holds and returns that probe's value.</summary>
    /// <param name="probe">Reads the current state.</param>
    /// <param name="done">Whether the state is the one waited for.</param>
    /// <param name="timeout">How long to keep probing.</param>
    /// <param name="describe">Says what a state is, for the failure message.</param>
    /// <exception cref="TimeoutException">Not reached in time; the message describes the last probe.</exception>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (since.Elapsed > timeout)
            {
                throw new TimeoutException($"not reached within {timeout}; last seen: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>As <see cref="Until{T}"/>, naming what is waited for and showing the last state as text.</summary>
    public static Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> reached, TimeSpan timeout, string what) =>
        Until(read, reached, timeout, state => $"{what}: {state}");
}
