namespace Moci.Ingest.Exports;

/// <summary>
/// Converts UTC instants into one time zone for the local-time column. Rows come in time order, so the offset
/// of the last quarter hour is kept: <see cref="TimeZoneInfo.GetUtcOffset(DateTimeOffset)"/> for every row
/// would cost more than writing the row. Zone offsets and their changes fall on whole quarter hours of UTC
/// (daylight saving in the EU changes at 01:00 UTC, Directive 2000/84/EC). Not thread-safe.
/// </summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    private const long QuarterHourMs = 15 * 60 * 1000;

    private long _bucket = long.MinValue;
    private TimeSpan _offset;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The same instant with the zone's offset at that instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var bucket = Math.DivRem(instant.ToUnixTimeMilliseconds(), QuarterHourMs, out var remainder);
        if (remainder < 0)
        {
            bucket--;
        }

        if (bucket != _bucket)
        {
            _offset = Zone.GetUtcOffset(instant);
            _bucket = bucket;
        }

        return instant.ToOffset(_offset);
    }
}
