namespace Moci.Kit.Simulation;

/// <summary>
/// Deterministic pseudo-random numbers addressed by key rather than drawn in sequence, so a simulated
/// value depends only on (seed, station, quantity, time) and not on how often or in which order the
/// simulator was asked. Thread-safe: pure functions.
/// </summary>
internal static class Noise
{
    /// <summary>A uniform number in [0, 1) for the given keys.</summary>
    public static double Uniform(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        var h = Mix(seed ^ Mix(a ^ Mix(b ^ Mix(c))));
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A number in [−1, 1) that varies smoothly over buckets of <paramref name="bucketSeconds"/>.</summary>
    public static double Smooth(ulong seed, ulong key, double seconds, double bucketSeconds)
    {
        var position = seconds / bucketSeconds;
        var bucket = Math.Floor(position);
        var fraction = position - bucket;
        var eased = fraction * fraction * (3 - 2 * fraction);
        var left = Uniform(seed, key, (ulong)(long)bucket) * 2 - 1;
        var right = Uniform(seed, key, (ulong)(long)(bucket + 1)) * 2 - 1;
        return left + (right - left) * eased;
    }

    /// <summary>A stable 64-bit key for a string (FNV-1a), independent of the runtime's string hashing.</summary>
    public static ulong Key(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64 finaliser.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
