using System.Buffers.Binary;
using Moci.Bridge.Sensors.Bus;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Finds Plantower PMS5003/PMS7003 frames in the bytes the sensor sends (PMS5003 data manual V2.3, appendix I; the
/// PMS7003 uses the same frame). A frame is <c>42 4D</c> ("BM"), a big-endian length, that many bytes of which the
/// last two are the 16-bit sum of every byte before them. A data frame has length 28 (13 words and the check);
/// a length of 4 is the sensor's answer to a mode or sleep command, checked and skipped. Any other length means the
/// <c>42 4D</c> was data, not a start, and the search goes on one byte later, as it does after a bad checksum. Not
/// thread-safe.
/// </summary>
internal sealed class PlantowerFrameParser : FrameParser<PlantowerFrame>
{
    private const byte Start1 = 0x42;
    private const byte Start2 = 0x4D;
    private const int DataLength = 28;
    private const int CommandAnswerLength = 4;
    private const int HeaderBytes = 4;

    /// <inheritdoc/>
    public override bool TryTake(out PlantowerFrame frame)
    {
        while (true)
        {
            var bytes = Bytes;
            var start = bytes.IndexOf([Start1, Start2]);
            if (start < 0)
            {
                // Keep a last 0x42: it may be the first half of a start whose second half is still on its way.
                Skip(bytes.Length > 0 && bytes[^1] == Start1 ? bytes.Length - 1 : bytes.Length);
                frame = default;
                return false;
            }

            Skip(start);
            bytes = Bytes;
            if (bytes.Length < HeaderBytes)
            {
                frame = default;
                return false;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            if (length is not (DataLength or CommandAnswerLength))
            {
                Skip(1);
                continue;
            }

            var total = HeaderBytes + length;
            if (bytes.Length < total)
            {
                frame = default;
                return false;
            }

            var sum = 0;
            foreach (var b in bytes[..(total - 2)])
            {
                sum += b;
            }

            if ((ushort)sum != BinaryPrimitives.ReadUInt16BigEndian(bytes[(total - 2)..]))
            {
                ChecksumFailed();
                continue;
            }

            if (length == CommandAnswerLength)
            {
                Discard(total);
                continue;
            }

            frame = new PlantowerFrame(
                Word(bytes, 4), Word(bytes, 6), Word(bytes, 8),
                Word(bytes, 10), Word(bytes, 12), Word(bytes, 14));
            Take(total);
            return true;
        }
    }

    private static int Word(ReadOnlySpan<byte> frame, int offset) => BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
}
