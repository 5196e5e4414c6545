using System.Globalization;

namespace Moci.Bridge.Health;

/// <summary>
/// What the station's Linux says about the machine: CPU temperature, uptime, free disk. Paths are taken under
/// <paramref name="root"/> (<c>/</c> on a station, a made-up folder in tests). Each figure is null where the machine
/// does not give it (no thermal zone in a container or a VM). Thread-safe: reads files only.
/// </summary>
/// <param name="root">The file system root the kernel's files are read under.</param>
internal sealed class SystemProbe(string root)
{
    /// <summary>The machine's own files.</summary>
    public static SystemProbe Real { get; } = new("/");

    /// <summary>The SoC's temperature in °C, from the kernel's first thermal zone (millidegrees Celsius, as sysfs-class-thermal documents).</summary>
    public double? CpuTemperatureCelsius() =>
        ReadFirstNumber("sys/class/thermal/thermal_zone0/temp") is { } millidegrees ? millidegrees / 1000.0 : null;

    /// <summary>Time since the machine booted, from <c>/proc/uptime</c> (its first number, seconds; proc(5)).</summary>
    public TimeSpan? Uptime() => ReadFirstNumber("proc/uptime") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Bytes free for this user on the file system holding <paramref name="folder"/>; null when it cannot be asked.</summary>
    public static long? DiskFreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private double? ReadFirstNumber(string relative)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(root, relative)).Trim();
            var first = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
