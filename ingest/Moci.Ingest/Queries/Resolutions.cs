using System.Diagnostics.CodeAnalysis;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Queries;

/// <summary>Reading and choosing a <see cref="Resolution"/>. Thread-safe: pure functions.</summary>
public static class Resolutions
{
    /// <summary>Pixel columns assumed for <c>resolution=auto</c> when the query gives no <c>width</c>: a chart of a laptop screen's column.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The widest chart <c>width</c> taken, in pixel columns (a 5K screen).</summary>
    public const int MaxWidth = 5120;

    /// <summary>The names the API takes for <c>resolution</c>.</summary>
    public const string Names = "raw, hour, day or auto";

    /// <summary>
    /// The coarsest resolution that still gives at least one point per pixel column of a chart
    /// <paramref name="columns"/> wide over <paramref name="range"/>: days when the range touches at least that many
    /// UTC days, else hours when it touches at least that many UTC hours, else the readings themselves. A year at
    /// 800 columns is drawn from 8 760 hours; a week (168 hours) from its readings.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1.</exception>
    public static Resolution Choose(TimeRange range, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (range.CountPeriods(TimeRange.Day) >= columns)
        {
            return Resolution.Day;
        }

        return range.CountPeriods(TimeRange.Hour) >= columns ? Resolution.Hour : Resolution.Raw;
    }

    /// <summary>Reads <c>raw</c>, <c>hour</c>, <c>day</c> (case-insensitive); <c>auto</c> and nothing give null, the caller's choice.</summary>
    public static bool TryParse(string? text, out Resolution? resolution)
    {
        resolution = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                return true;
            case "raw":
                resolution = Resolution.Raw;
                return true;
            case "hour":
                resolution = Resolution.Hour;
                return true;
            case "day":
                resolution = Resolution.Day;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The length of a period of <paramref name="resolution"/>; none for <see cref="Resolution.Raw"/>.</summary>
    public static bool TryGetLength(Resolution resolution, [NotNullWhen(true)] out TimeSpan? length)
    {
        length = resolution switch
        {
            Resolution.Hour => TimeRange.Hour,
            Resolution.Day => TimeRange.Day,
            _ => null,
        };
        return length is not null;
    }
}
