namespace Moci.Bridge.Sensors.Bus;

/// <summary>What a serial sensor's parser has seen since the bridge started, for its health status.</summary>
/// <param name="Frames">Valid frames (or NMEA sentences) decoded.</param>
/// <param name="ChecksumErrors">Frames that failed their checksum and were rejected.</param>
/// <param name="SkippedBytes">Bytes that belonged to no valid frame: line noise, a frame cut off, a frame that failed its checksum.</param>
/// <param name="DiscardedWhileWarmingUp">Valid frames read while the sensor's fan was warming up, and not used.</param>
internal readonly record struct FrameCounters(long Frames, long ChecksumErrors, long SkippedBytes, long DiscardedWhileWarmingUp = 0)
{
    /// <summary>For a health report, e.g. "1200 frames, 2 bad checksums, 35 bytes skipped, 30 discarded while warming up".</summary>
    public override string ToString() =>
        $"{Frames} frames, {ChecksumErrors} bad checksums, {SkippedBytes} bytes skipped, {DiscardedWhileWarmingUp} discarded while warming up";
}
