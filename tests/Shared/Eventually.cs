using System.Diagnostics;

namespace Moci.Tests.Shared;

/// <summary>
/// Waiting for a state that another process reaches in its own time (a row committed by a hub in another
/// process, an endpoint that answers once the host is ready), where there is no event to await. Fails with the
/// last state it saw, so a time-out says what was wrong. Compiled into every test project.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="reached"/> holds and returns that value.</summary>
    /// <param name="read">Reads the current state.</param>
    /// <param name="reached">Whether the state is the one waited for.</param>
    /// <param name="timeout">How long to keep reading.</param>
    /// <param name="what">What is waited for, for the failure message.</param>
    /// <exception cref="TimeoutException">Not reached within <paramref name="timeout"/>; the message holds the last state read.</exception>
    public static async Task<T> ReachesAsync<T>(Func<Task<T>> read, Func<T, bool> reached, TimeSpan timeout, string what)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            var state = await read();
            if (reached(state))
            {
                return state;
            }

            if (since.Elapsed > timeout)
            {
                throw new TimeoutException($"not reached within {timeout}: {what}; last seen: {state}");
            }

            await Task.Delay(Interval);
        }
    }
}
