namespace Moci.Bridge.Sensors.Bus;

/// <summary>
/// What every frame parser of a serial device shares: the window of received bytes and the counts of frames taken,
/// checksums that failed and bytes skipped while searching for a start. A parser says what a start, a length and a
/// checksum are in <see cref="TryTake"/>, and moves through the bytes with <see cref="Skip"/>,
/// <see cref="Discard"/> and <see cref="Take"/> so that the counts stay right. Not thread-safe.
/// </summary>
/// <typeparam name="TFrame">A decoded frame.</typeparam>
internal abstract class FrameParser<TFrame> : IFrameParser<TFrame>
{
    private readonly ByteWindow _window = new();
    private long _frames;
    private long _checksumErrors;
    private long _skippedBytes;

    /// <inheritdoc/>
    public FrameCounters Counters => new(_frames, _checksumErrors, _skippedBytes);

    /// <summary>The bytes received and not yet consumed, oldest first; valid until the next change.</summary>
    protected ReadOnlySpan<byte> Bytes => _window.Bytes;

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> bytes) => _window.Append(bytes);

    /// <inheritdoc/>
    public abstract bool TryTake(out TFrame frame);

    /// <summary>Drops <paramref name="count"/> bytes that were not the start of a frame, and counts them.</summary>
    protected void Skip(int count)
    {
        _skippedBytes += count;
        _window.Consume(count);
    }

    /// <summary>Counts a frame whose checksum failed and searches on from its second byte.</summary>
    protected void ChecksumFailed()
    {
        _checksumErrors++;
        Skip(1);
    }

    /// <summary>Drops a valid frame of <paramref name="length"/> bytes that carries no reading (a command's answer).</summary>
    protected void Discard(int length) => _window.Consume(length);

    /// <summary>Counts a valid data frame of <paramref name="length"/> bytes and drops its bytes.</summary>
    protected void Take(int length)
    {
        _frames++;
        _window.Consume(length);
    }
}
