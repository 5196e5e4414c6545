using System.Device.I2c;

namespace Moci.Bridge.Tests.Sensors.Support;

/// <summary>
/// A Sensirion I2C sensor (SHT4x, SCD4x): a command of one or two bytes is written, then its answer is read as
/// 16-bit big-endian words each followed by its CRC-8 (polynomial 0x31, initial 0xFF). Answers are set per command.
/// </summary>
internal sealed class SimulatedSensirionDevice(int address) : I2cDevice
{
    private readonly Dictionary<int, ushort[]> _answers = [];
    private int _command = -1;

    /// <summary>No device answers: every transfer throws.</summary>
    public bool Absent { get; set; }

    /// <summary>The CRC of the next answer's first word is wrong (noise on the bus).</summary>
    public bool CorruptNextAnswer { get; set; }

    /// <summary>Commands received, in order.</summary>
    public List<int> Commands { get; } = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    public void Answer(int command, params ushort[] words) => _answers[command] = words;

    public override byte ReadByte() => throw new NotSupportedException("Sensirion answers are read as words with CRC.");

    public override void Read(Span<byte> buffer)
    {
        ThrowIfAbsent();
        var words = _answers.TryGetValue(_command, out var w) ? w : [];
        buffer.Clear();
        for (var i = 0; i < words.Length && i * 3 + 2 < buffer.Length; i++)
        {
            buffer[i * 3] = (byte)(words[i] >> 8);
            buffer[i * 3 + 1] = (byte)words[i];
            buffer[i * 3 + 2] = Crc(buffer[i * 3], buffer[i * 3 + 1]);
        }

        if (CorruptNextAnswer)
        {
            buffer[2] ^= 0xFF;
            CorruptNextAnswer = false;
        }
    }

    public override void WriteByte(byte value)
    {
        ThrowIfAbsent();
        _command = value;
        Commands.Add(value);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfAbsent();
        _command = buffer.Length >= 2 ? buffer[0] << 8 | buffer[1] : buffer[0];
        Commands.Add(_command);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    // Written out here rather than taken from the driver, so that a wrong CRC in the driver cannot pass unnoticed.
    private static byte Crc(byte high, byte low)
    {
        var crc = 0xFF;
        foreach (var b in new[] { high, low })
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }

        return (byte)crc;
    }

    private void ThrowIfAbsent()
    {
        if (Absent)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }
    }
}
