using System.Globalization;

namespace Moci.Dashboard.Stations;

/// <summary>The figures of a station's health report in short words for the station page.</summary>
public static class HealthText
{
    /// <summary>A duration of <paramref name="seconds"/> (≥ 0), in its two largest units: "45 s", "12 min", "3 h 20 min", "4 d 2 h".</summary>
    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span switch
        {
            { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds} s",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
            { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
            _ => $"{(int)span.TotalDays} d {span.Hours} h",
        };
    }

    /// <summary><paramref name="bytes"/> (≥ 0) in binary units (IEC 80000-13): "512 B", "3.4 MiB", "12.0 GiB".</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}
