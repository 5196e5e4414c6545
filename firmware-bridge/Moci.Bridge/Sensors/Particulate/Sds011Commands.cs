namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// The host commands of the Nova Fitness SDS011 (Laser Dust Sensor Control Protocol V1.3): 19 bytes, <c>AA B4</c>,
/// the command and twelve data bytes, the device id (<c>FF FF</c>: whichever sensor is on the line), the sum of bytes
/// 2–16 modulo 256, and <c>AB</c>. Thread-safe: immutable.
/// </summary>
internal static class Sds011Commands
{
    /// <summary>Fan and laser off: <c>AA B4 06 01 00 … FF FF 05 AB</c>.</summary>
    public static ReadOnlyMemory<byte> Sleep { get; } = Command(0x06, 0x01, 0x00);

    /// <summary>Fan and laser on: <c>AA B4 06 01 01 … FF FF 06 AB</c>.</summary>
    public static ReadOnlyMemory<byte> Work { get; } = Command(0x06, 0x01, 0x01);

    /// <summary>Report on its own once a second (rather than only when queried): <c>AA B4 02 01 00 … FF FF 01 AB</c>.</summary>
    public static ReadOnlyMemory<byte> ActiveReporting { get; } = Command(0x02, 0x01, 0x00);

    /// <summary>
    /// Work continuously rather than in the sensor's own working period, so that only the station's duty cycle puts it
    /// to sleep: <c>AA B4 08 01 00 … FF FF 07 AB</c>.
    /// </summary>
    public static ReadOnlyMemory<byte> ContinuousWorking { get; } = Command(0x08, 0x01, 0x00);

    private static byte[] Command(byte command, byte set, byte value)
    {
        var bytes = new byte[19];
        bytes[0] = 0xAA;
        bytes[1] = 0xB4;
        bytes[2] = command;
        bytes[3] = set;
        bytes[4] = value;
        bytes[15] = 0xFF;
        bytes[16] = 0xFF;
        var sum = 0;
        for (var i = 2; i <= 16; i++)
        {
            sum += bytes[i];
        }

        bytes[17] = (byte)sum;
        bytes[18] = 0xAB;
        return bytes;
    }
}
