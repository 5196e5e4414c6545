using System.Runtime.InteropServices;

namespace Moci.Bridge.Clock;

/// <summary>
/// The Linux kernel's view of the clock, from <c>adjtimex(2)</c> read-only: synchronised when its estimated maximum
/// error is below 16 s, the rule systemd's <c>timedatectl show -p NTPSynchronized</c> applies, so that chrony or ntpd
/// count as well as systemd-timesyncd.
/// </summary>
internal static partial class KernelClock
{
    /// <summary>The kernel's "unsynchronised" maximum error, 16 s in microseconds (NTP_PHASE_LIMIT).</summary>
    private const long UnsynchronisedMaxError = 16_000_000;

    /// <summary>True or false as the kernel says; null where it cannot be asked (not Linux).</summary>
    public static bool? IsSynchronised()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // struct timex is 208 bytes on 64-bit Linux; modes = 0 only reads. maxerror is the fourth field, a long.
            var timex = new byte[256];
            if (adjtimex(timex) < 0)
            {
                return null;
            }

            var maxError = IntPtr.Size == 8 ? BitConverter.ToInt64(timex, 24) : BitConverter.ToInt32(timex, 12);
            return maxError < UnsynchronisedMaxError;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int adjtimex(byte[] timex);
}
