using System.Collections.Concurrent;

namespace Moci.Ingest.Intake;

/// <summary>
/// Running totals of what Sensor.Community kits posted since start, with a count per ignored value type so
/// that whoever set a kit up sees what the hub leaves out. Thread-safe: interlocked increments.
/// </summary>
public sealed class AirrohrCounters
{
    /// <summary>At most this many distinct ignored value types are counted by name; the rest only in the total.</summary>
    public const int MaxIgnoredTypes = 100;

    private readonly ConcurrentDictionary<string, long> _ignoredTypes = new(StringComparer.Ordinal);
    private long _bodiesAccepted;
    private long _bodiesRejected;
    private long _valuesIgnored;

    /// <summary>Counts a body that was airrohr JSON, and the entries of it the hub ignored.</summary>
    public void Accepted(AirrohrAcceptance acceptance)
    {
        Interlocked.Increment(ref _bodiesAccepted);
        Interlocked.Add(ref _valuesIgnored, acceptance.IgnoredValues);
        foreach (var type in acceptance.Ignored)
        {
            // A kit only sends a few dozen types; the cap keeps a misbehaving sender from growing the table.
            if (_ignoredTypes.ContainsKey(type) || _ignoredTypes.Count < MaxIgnoredTypes)
            {
                _ignoredTypes.AddOrUpdate(type, 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>Counts a body that was not airrohr JSON.</summary>
    public void Rejected() => Interlocked.Increment(ref _bodiesRejected);

    /// <summary>A consistent-enough copy of the totals for reporting.</summary>
    public AirrohrCountersSnapshot Snapshot() => new(
        Interlocked.Read(ref _bodiesAccepted),
        Interlocked.Read(ref _bodiesRejected),
        Interlocked.Read(ref _valuesIgnored),
        new SortedDictionary<string, long>(_ignoredTypes, StringComparer.Ordinal));
}
