namespace Moci.Bridge.Sensors.Bus;

/// <summary>
/// The bytes received from a serial device and not yet consumed by its parser: appended at the end, consumed from
/// the front. Not thread-safe.
/// </summary>
internal sealed class ByteWindow
{
    private byte[] _buffer = new byte[512];
    private int _start;
    private int _count;

    /// <summary>The bytes held, oldest first; valid until the next <see cref="Append"/> or <see cref="Consume"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(_start, _count);

    /// <summary>How many bytes are held.</summary>
    public int Count => _count;

    /// <summary>Adds received bytes at the end.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_start + _count + bytes.Length > _buffer.Length)
        {
            if (_count + bytes.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
            }

            _buffer.AsSpan(_start, _count).CopyTo(_buffer);
            _start = 0;
        }

        bytes.CopyTo(_buffer.AsSpan(_start + _count));
        _count += bytes.Length;
    }

    /// <summary>Drops <paramref name="count"/> bytes from the front.</summary>
    public void Consume(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _count);
        _start += count;
        _count -= count;
        if (_count == 0)
        {
            _start = 0;
        }
    }
}
