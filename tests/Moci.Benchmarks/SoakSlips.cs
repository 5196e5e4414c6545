namespace Moci.Benchmarks;

/// <summary>
/// How late the load process handed each batch to its station against the timetable, per minute of the run: the
/// sign that the publishing side (not the hub) falls behind. Written by the scheduler loop only; the progress report
/// reads and resets the recent maximum. Thread-safe through one lock.
/// </summary>
internal sealed class SoakSlips(int minutes)
{
    private readonly Lock _lock = new();
    private readonly double[] _maxSeconds = new double[minutes];
    private readonly double[] _sumSeconds = new double[minutes];
    private readonly long[] _count = new long[minutes];
    private double _recentMaxSeconds;

    public int Minutes => minutes;

    /// <summary>Adds one hand-over: due at <paramref name="dueSeconds"/> since the start, <paramref name="slipSeconds"/> late.</summary>
    public void Add(double dueSeconds, double slipSeconds)
    {
        var minute = Math.Clamp((int)(dueSeconds / 60), 0, minutes - 1);
        lock (_lock)
        {
            _maxSeconds[minute] = Math.Max(_maxSeconds[minute], slipSeconds);
            _sumSeconds[minute] += slipSeconds;
            _count[minute]++;
            _recentMaxSeconds = Math.Max(_recentMaxSeconds, slipSeconds);
        }
    }

    /// <summary>The largest slip since the last call, in ms.</summary>
    public double TakeRecentMaxMilliseconds()
    {
        lock (_lock)
        {
            var max = _recentMaxSeconds;
            _recentMaxSeconds = 0;
            return max * 1000;
        }
    }

    /// <summary>Per minute: the largest slip and the sum of slips (s), and the hand-overs counted.</summary>
    public (double[] MaxSeconds, double[] SumSeconds, long[] Count) Snapshot()
    {
        lock (_lock)
        {
            return ([.. _maxSeconds], [.. _sumSeconds], [.. _count]);
        }
    }
}
