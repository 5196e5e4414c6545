namespace Moci.Ingest.Tests.Support;

/// <summary>
/// A write-only stream that throws the bytes away, counts them, and every <see cref="SampleEvery"/> bytes notes
/// the size of the managed heap (garbage not yet collected included), so a test can see the peak memory of
/// whatever writes into it.
/// </summary>
internal sealed class MemoryWatchingStream : Stream
{
    private const long SampleEvery = 256 * 1024;

    private long _nextSample = SampleEvery;

    /// <summary>Bytes written.</summary>
    public long Length64 { get; private set; }

    /// <summary>The largest managed heap size seen, in bytes.</summary>
    public long PeakHeapBytes { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Length64;

    public override long Position
    {
        get => Length64;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Length64 += buffer.Length;
        if (Length64 >= _nextSample)
        {
            _nextSample = Length64 + SampleEvery;
            PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetTotalMemory(false));
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
