using Moci.Bridge.Clock;
using Moci.Bridge.Sensors;
using Moci.Telemetry.Readings;

namespace Moci.Bridge.Sampling;

/// <summary>
/// The samples of one sensor within one averaging window: per metric their sum and count, and whether any was taken
/// while the clock was not known to be right. Not thread-safe: one sampler owns it.
/// </summary>
internal sealed class SampleWindow
{
    private readonly Dictionary<string, (double Sum, int Count)> _metrics = new(StringComparer.Ordinal);
    private bool _clockSuspect;

    /// <summary>True when no sample has been added since the last <see cref="Close"/>.</summary>
    public bool IsEmpty => _metrics.Count == 0;

    /// <summary>Adds the values of one read, taken while the clock was as <paramref name="clock"/> says.</summary>
    public void Add(IReadOnlyList<Measurement> measurements, ClockState clock)
    {
        foreach (var measurement in measurements)
        {
            if (!double.IsFinite(measurement.Value))
            {
                continue;
            }

            _metrics.TryGetValue(measurement.Metric.Name, out var total);
            _metrics[measurement.Metric.Name] = (total.Sum + measurement.Value, total.Count + 1);
            _clockSuspect |= !clock.Synchronised;
        }
    }

    /// <summary>
    /// One reading per metric, the mean of its samples, stamped <paramref name="at"/>; flagged
    /// <see cref="QaFlags.ClockSuspect"/> when any sample of the window was. Empties the window.
    /// </summary>
    public IReadOnlyList<Reading> Close(string stationId, DateTimeOffset at)
    {
        var flags = _clockSuspect ? QaFlags.ClockSuspect : QaFlags.None;
        var readings = _metrics.Select(m => new Reading(stationId, m.Key, at, m.Value.Sum / m.Value.Count, flags)).ToList();
        _metrics.Clear();
        _clockSuspect = false;
        return readings;
    }
}
