using System.Device.I2c;

namespace Moci.Bridge.Tests.Sensors.Support;

/// <summary>
/// An I2C device with 256 byte-wide registers and an auto-incrementing register pointer, as the Bosch BMx280 chips
/// have (the first byte written selects the register, the rest are written from there on). <see cref="Absent"/>
/// makes every transfer fail as Linux does for an address nobody answers (errno 121).
/// </summary>
internal sealed class SimulatedRegisterDevice(int address = 0x76) : I2cDevice
{
    private readonly byte[] _registers = new byte[256];
    private int _pointer;

    /// <summary>No device answers: every transfer throws.</summary>
    public bool Absent { get; set; }

    /// <summary>Register writes after construction, in order, as (register, value).</summary>
    public List<(int Register, byte Value)> Writes { get; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    public bool Disposed { get; private set; }

    public void Set(int register, params byte[] values) => values.CopyTo(_registers, register);

    public void SetLittleEndian(int register, int value)
    {
        _registers[register] = (byte)value;
        _registers[register + 1] = (byte)(value >> 8);
    }

    public byte Get(int register) => _registers[register];

    public override byte ReadByte()
    {
        ThrowIfAbsent();
        return _registers[_pointer];
    }

    public override void Read(Span<byte> buffer)
    {
        ThrowIfAbsent();
        _registers.AsSpan(_pointer, buffer.Length).CopyTo(buffer);
    }

    public override void WriteByte(byte value)
    {
        ThrowIfAbsent();
        _pointer = value;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfAbsent();
        _pointer = buffer[0];
        for (var i = 1; i < buffer.Length; i++)
        {
            _registers[_pointer + i - 1] = buffer[i];
            Writes.Add((_pointer + i - 1, buffer[i]));
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfAbsent()
    {
        if (Absent)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }
    }
}
