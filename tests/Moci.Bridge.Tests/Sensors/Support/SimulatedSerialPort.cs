namespace Moci.Bridge.Tests.Sensors.Support;

/// <summary>
/// A serial port as a stream: bytes the test feeds arrive in the chunks it feeds them in (so a frame can be split
/// across reads), a read with nothing to give waits until something is fed or <see cref="Disconnect"/> is called, and
/// everything written is kept.
/// </summary>
internal sealed class SimulatedSerialPort : Stream
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _chunks = [];
    private readonly MemoryStream _written = new();
    private TaskCompletionSource? _arrived;
    private bool _closed;

    public byte[] Written => _written.ToArray();

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Feed(params byte[][] chunks)
    {
        TaskCompletionSource? arrived;
        lock (_gate)
        {
            foreach (var chunk in chunks)
            {
                _chunks.Add(chunk);
            }

            arrived = _arrived;
            _arrived = null;
        }

        arrived?.TrySetResult();
    }

    /// <summary>The port closes (a USB adapter unplugged): reads give 0 bytes.</summary>
    public void Disconnect()
    {
        TaskCompletionSource? arrived;
        lock (_gate)
        {
            _closed = true;
            arrived = _arrived;
        }

        arrived?.TrySetResult();
    }

    public void ClearWritten() => _written.SetLength(0);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_chunks.Count > 0)
                {
                    var chunk = _chunks[0];
                    var count = Math.Min(chunk.Length, buffer.Length);
                    chunk.AsMemory(0, count).CopyTo(buffer);
                    if (count < chunk.Length)
                    {
                        _chunks[0] = chunk[count..];
                    }
                    else
                    {
                        _chunks.RemoveAt(0);
                    }

                    return count;
                }

                if (_closed)
                {
                    return 0;
                }

                _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _arrived.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
