namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// The host commands of the Plantower PMS5003/PMS7003 (PMS5003 data manual V2.3, appendix II): <c>42 4D</c>, the
/// command, two data bytes, and the 16-bit sum of the first five bytes, big-endian. Thread-safe: immutable.
/// </summary>
internal static class PlantowerCommands
{
    /// <summary>Answer only when asked (<see cref="Read"/>): <c>42 4D E1 00 00 01 70</c>.</summary>
    public static ReadOnlyMemory<byte> Passive { get; } = Command(0xE1, 0x00);

    /// <summary>Send a frame on its own whenever it has a new one: <c>42 4D E1 00 01 01 71</c>.</summary>
    public static ReadOnlyMemory<byte> Active { get; } = Command(0xE1, 0x01);

    /// <summary>In passive mode, send one frame: <c>42 4D E2 00 00 01 71</c>.</summary>
    public static ReadOnlyMemory<byte> Read { get; } = Command(0xE2, 0x00);

    /// <summary>Fan and laser off: <c>42 4D E4 00 00 01 73</c>.</summary>
    public static ReadOnlyMemory<byte> Sleep { get; } = Command(0xE4, 0x00);

    /// <summary>
    /// Fan and laser on: <c>42 4D E4 00 01 01 74</c>. The data byte is 01: a widely copied Arduino library sends 00
    /// here, which is the sleep command again.
    /// </summary>
    public static ReadOnlyMemory<byte> Wake { get; } = Command(0xE4, 0x01);

    private static byte[] Command(byte command, byte dataLow)
    {
        byte[] bytes = [0x42, 0x4D, command, 0x00, dataLow, 0, 0];
        var sum = 0x42 + 0x4D + command + dataLow;
        bytes[5] = (byte)(sum >> 8);
        bytes[6] = (byte)sum;
        return bytes;
    }
}
