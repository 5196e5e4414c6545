using System.Buffers.Binary;
using System.Device.I2c;
using Iot.Device.Ads1115;

namespace Moci.Bridge.Tests.Sensors.Support;

/// <summary>
/// A TI ADS1115 (datasheet SBAS444, §9.6): a pointer byte selects the 16-bit conversion (0) or config (1) register.
/// Writing the config with bit 15 set starts a single conversion of the input its bits 14–12 select; the result is
/// the raw code set for that input, and reading the config shows bit 15 set again (conversion done).
/// </summary>
internal sealed class SimulatedAds1115(int address = 0x48) : I2cDevice
{
    private readonly Dictionary<InputMultiplexer, short> _codes = [];
    private int _pointer;
    private ushort _config = 0x8583;
    private short _conversion;

    public bool Absent { get; set; }

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    /// <summary>Sets the voltage at an input, as the code the converter gives at ±4.096 V full scale (125 µV per code).</summary>
    public void SetVolts(InputMultiplexer input, double volts) => _codes[input] = (short)Math.Clamp(Math.Round(volts / 4.096 * 32768), short.MinValue, short.MaxValue);

    public override byte ReadByte() => throw new NotSupportedException();

    public override void Read(Span<byte> buffer)
    {
        ThrowIfAbsent();
        if (_pointer == 0)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer, _conversion);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer, _config);
        }
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
        if (_pointer == 1 && buffer.Length == 3)
        {
            _config = (ushort)(buffer[1] << 8 | buffer[2]);
            if ((_config & 0x8000) != 0)
            {
                var input = (InputMultiplexer)((_config >> 12) & 0x7);
                _conversion = _codes.GetValueOrDefault(input);
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void ThrowIfAbsent()
    {
        if (Absent)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }
    }
}
