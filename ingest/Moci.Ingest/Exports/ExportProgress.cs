namespace Moci.Ingest.Exports;

/// <summary>
/// How far a running export has got, for a progress bar. The export writes it for every row (plain field
/// writes, no callback); a display reads it from another thread now and then, and a slightly stale value is fine.
/// </summary>
public sealed class ExportProgress
{
    private long _rows;
    private int _series;
    private int _seriesCount = 1;
    private long _fromMs;
    private long _spanMs = 1;
    private long _lastMs;

    /// <summary>Rows written so far.</summary>
    public long Rows => Volatile.Read(ref _rows);

    /// <summary>Share of the export done, 0 … 1: the series done, and how far into the range the current one is.</summary>
    public double Fraction
    {
        get
        {
            var within = Math.Clamp((double)(Volatile.Read(ref _lastMs) - _fromMs) / _spanMs, 0, 1);
            return Math.Clamp((Volatile.Read(ref _series) + within) / _seriesCount, 0, 1);
        }
    }

    internal void Start(ExportRequest request, int seriesCount)
    {
        _seriesCount = Math.Max(1, seriesCount);
        _fromMs = request.From.ToUnixTimeMilliseconds();
        _spanMs = Math.Max(1, request.To.ToUnixTimeMilliseconds() - _fromMs);
        _lastMs = _fromMs;
    }

    internal void Row(int series, DateTimeOffset timestamp)
    {
        _rows++;
        if (series != _series)
        {
            _series = series;
        }

        _lastMs = timestamp.ToUnixTimeMilliseconds();
    }

    internal void Done()
    {
        _series = _seriesCount;
        _lastMs = _fromMs;
    }
}
