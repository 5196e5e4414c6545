using Moci.Bridge.Sensors.Bus;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Finds Nova Fitness SDS011 frames in the bytes the sensor sends (Laser Dust Sensor Control Protocol V1.3). Every
/// frame is 10 bytes: <c>AA</c>, <c>C0</c> for a data report or <c>C5</c> for the answer to a command, six data bytes,
/// their sum modulo 256, and <c>AB</c>. Answers are checked and skipped. A head without a known kind and tail ten bytes
/// on was data, not a head, and the search goes on one byte later, as it does after a bad checksum. Not thread-safe.
/// </summary>
internal sealed class Sds011FrameParser : FrameParser<Sds011Frame>
{
    private const byte Head = 0xAA;
    private const byte DataReport = 0xC0;
    private const byte CommandAnswer = 0xC5;
    private const byte Tail = 0xAB;
    private const int FrameLength = 10;

    /// <inheritdoc/>
    public override bool TryTake(out Sds011Frame frame)
    {
        while (true)
        {
            var bytes = Bytes;
            var head = bytes.IndexOf(Head);
            if (head < 0)
            {
                Skip(bytes.Length);
                frame = default;
                return false;
            }

            Skip(head);
            bytes = Bytes;
            if (bytes.Length < FrameLength)
            {
                frame = default;
                return false;
            }

            if (bytes[1] is not (DataReport or CommandAnswer) || bytes[9] != Tail)
            {
                Skip(1);
                continue;
            }

            var sum = 0;
            foreach (var b in bytes[2..8])
            {
                sum += b;
            }

            if ((byte)sum != bytes[8])
            {
                ChecksumFailed();
                continue;
            }

            if (bytes[1] == CommandAnswer)
            {
                Discard(FrameLength);
                continue;
            }

            // PM2.5 = (high × 256 + low) / 10, low byte first; the same for PM10.
            frame = new Sds011Frame(
                (bytes[3] << 8 | bytes[2]) / 10.0,
                (bytes[5] << 8 | bytes[4]) / 10.0,
                (ushort)(bytes[6] << 8 | bytes[7]));
            Take(FrameLength);
            return true;
        }
    }
}
