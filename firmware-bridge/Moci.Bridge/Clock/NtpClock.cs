namespace Moci.Bridge.Clock;

/// <summary>
/// Whether NTP has set the clock: systemd-timesyncd's file (it creates it at its first synchronisation after boot),
/// or else the kernel's estimate (<see cref="KernelClock"/>). Thread-safe.
/// </summary>
/// <param name="timesyncFile">systemd-timesyncd's file, normally <c>/run/systemd/timesync/synchronized</c>.</param>
/// <param name="kernel">Asks the kernel; null when it cannot be asked.</param>
internal sealed class NtpClock(string timesyncFile, Func<bool?> kernel)
{
    /// <summary>The station's: the given file, then the kernel.</summary>
    public NtpClock(string timesyncFile)
        : this(timesyncFile, KernelClock.IsSynchronised)
    {
    }

    /// <summary>True once NTP has set the clock.</summary>
    public bool IsSynchronised => File.Exists(timesyncFile) || kernel() == true;
}
