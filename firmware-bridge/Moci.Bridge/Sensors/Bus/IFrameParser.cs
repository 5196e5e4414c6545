namespace Moci.Bridge.Sensors.Bus;

/// <summary>
/// Finds a serial device's frames in the bytes it sends, resynchronising after garbage and waiting for the rest of a
/// frame split across reads. Not thread-safe.
/// </summary>
/// <typeparam name="TFrame">A decoded frame.</typeparam>
internal interface IFrameParser<TFrame>
{
    /// <summary>What the parser has seen so far.</summary>
    FrameCounters Counters { get; }

    /// <summary>Adds received bytes.</summary>
    void Append(ReadOnlySpan<byte> bytes);

    /// <summary>Takes the oldest complete, valid frame out of the bytes received.</summary>
    /// <returns>False when no complete frame is held (the rest of one may still come).</returns>
    bool TryTake(out TFrame frame);
}
