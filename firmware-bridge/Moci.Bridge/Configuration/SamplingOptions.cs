namespace Moci.Bridge.Configuration;

/// <summary>
/// How often sensors are read and over how long their samples are averaged, for sensors that do not say otherwise,
/// and how the bridge learns that the clock is right: section <c>sampling</c> of the configuration file.
/// </summary>
internal sealed class SamplingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "sampling";

    /// <summary>Time between two reads of a sensor, 1 s – 1 h. Default 10 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The averaging window: one reading per window, the mean of its valid samples, stamped at the window's end.
    /// Zero sends every sample as it is; otherwise a whole multiple of <see cref="Interval"/>, at most 1 day. Default 1 min.
    /// </summary>
    public TimeSpan Averaging { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The file systemd-timesyncd creates once it has set the clock from NTP (systemd 239 and later). The bridge also
    /// asks the kernel, as <c>timedatectl show -p NTPSynchronized</c> does, so chrony or ntpd count as well.
    /// </summary>
    public string TimesyncFile { get; set; } = "/run/systemd/timesync/synchronized";
}
