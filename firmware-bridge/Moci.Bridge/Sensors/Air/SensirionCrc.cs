namespace Moci.Bridge.Sensors.Air;

/// <summary>
/// The CRC-8 Sensirion sensors append to every 16-bit word they send: polynomial 0x31 (x⁸ + x⁵ + x⁴ + 1), initial
/// value 0xFF, no reflection, no final XOR; CRC(0xBEEF) = 0x92 (SCD4x datasheet, "Checksum Calculation").
/// Thread-safe: pure.
/// </summary>
internal static class SensirionCrc
{
    /// <summary>The CRC of the two bytes of a big-endian word.</summary>
    public static byte Compute(byte high, byte low)
    {
        var crc = (byte)0xFF;
        foreach (var b in (ReadOnlySpan<byte>)[high, low])
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x31) : (byte)(crc << 1);
            }
        }

        return crc;
    }
}
