namespace Moci.Bridge.Sensors.Bus;

/// <summary>
/// Reads a serial device's frames from its stream (a serial port, or a recording in tests) and writes its commands.
/// A read returns the newest frame of what has arrived, so a station that reads less often than the device sends
/// gets the current value, not one queued minutes ago in the port's buffer. Not thread-safe.
/// </summary>
internal sealed class SerialFrameReader<TFrame>(Stream stream, IFrameParser<TFrame> parser, TimeProvider time)
{
    // Large enough to take everything a 9600-baud port has queued (about 1 kB/s) in one read.
    private readonly byte[] _chunk = new byte[4096];

    // A read that outlived its time-out is awaited again by the next call rather than started twice: not every
    // serial stream honours cancellation, and two reads must never be outstanding on one port.
    private Task<int>? _pendingRead;

    /// <summary>Reads until at least one complete frame has arrived and returns the newest of them.</summary>
    /// <param name="timeout">How long to wait for a complete frame.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="SerialTimeoutException">No complete frame arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="EndOfStreamException">The stream ended (a USB adapter unplugged, the end of a recording).</exception>
    public async Task<TFrame> ReadNewestAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        (await ReadAvailableAsync(timeout, cancellationToken))[^1];

    /// <summary>
    /// Reads until at least one complete frame has arrived and returns every frame taken, oldest first: for a device
    /// whose frames each carry part of the state (a GPS receiver's RMC and GGA sentences).
    /// </summary>
    /// <param name="timeout">How long to wait for a complete frame.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="SerialTimeoutException">No complete frame arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="EndOfStreamException">The stream ended (a USB adapter unplugged, the end of a recording).</exception>
    public async Task<IReadOnlyList<TFrame>> ReadAvailableAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var frames = new List<TFrame>();
        var received = false;
        while (parser.TryTake(out var held))
        {
            frames.Add(held);
        }

        while (frames.Count == 0)
        {
            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new SerialTimeoutException(timeout, nothingReceived: !received);
            }

            var read = _pendingRead ??= stream.ReadAsync(_chunk).AsTask();
            int count;
            try
            {
                count = await read.WaitAsync(remaining, time, cancellationToken);
            }
            catch (Exception) when (read.IsCompleted)
            {
                _pendingRead = null;
                throw;
            }
            catch (TimeoutException)
            {
                throw new SerialTimeoutException(timeout, nothingReceived: !received);
            }

            _pendingRead = null;
            if (count == 0)
            {
                throw new EndOfStreamException("the serial stream ended");
            }

            received = true;
            parser.Append(_chunk.AsSpan(0, count));
            while (parser.TryTake(out var frame))
            {
                frames.Add(frame);
            }
        }

        return frames;
    }

    /// <summary>Sends a command to the device.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(command, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
