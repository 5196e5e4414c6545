using System.Globalization;
using System.Text;
using Iot.Device.Nmea0183;
using Iot.Device.Nmea0183.Sentences;
using Moci.Bridge.Sensors.Bus;

namespace Moci.Bridge.Sensors.Gps;

/// <summary>
/// Finds NMEA 0183 sentences in the bytes a GPS receiver sends and decodes the two that carry a fix, RMC (recommended
/// minimum: date, time, status, position) and GGA (fix quality, satellites), through <c>Iot.Device.Nmea0183</c>. A
/// sentence is <c>$</c>, the talker and type, comma-separated fields, <c>*</c>, two hex digits of the XOR of every
/// character between <c>$</c> and <c>*</c>, and CR LF; at most 82 characters (NMEA 0183, §5.3). A sentence without
/// its checksum or with a wrong one is rejected: the binding would accept the first. Other sentences (GSV, GSA, VTG,
/// GLL, TXT) are skipped. Not thread-safe.
/// </summary>
internal sealed class NmeaSentenceParser : IFrameParser<NmeaSentence>
{
    // NMEA allows 82; some receivers send longer proprietary sentences. Past this a '$' had no line end: noise.
    private const int MaxSentenceLength = 160;

    private readonly ByteWindow _window = new();

    // The date of the last RMC, which GGA sentences (time only) are dated with.
    private DateTimeOffset _lastMessageTime = DateTimeOffset.MinValue;
    private long _frames;
    private long _checksumErrors;
    private long _skippedBytes;

    /// <inheritdoc/>
    public FrameCounters Counters => new(_frames, _checksumErrors, _skippedBytes);

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> bytes) => _window.Append(bytes);

    /// <summary>Takes the oldest complete RMC or GGA sentence with a good checksum.</summary>
    public bool TryTake(out NmeaSentence frame)
    {
        while (true)
        {
            var bytes = _window.Bytes;
            var start = bytes.IndexOf((byte)'$');
            if (start < 0)
            {
                Skip(bytes.Length);
                frame = null!;
                return false;
            }

            Skip(start);
            bytes = _window.Bytes;
            var end = bytes.IndexOf((byte)'\n');
            if (end < 0)
            {
                if (bytes.Length > MaxSentenceLength)
                {
                    Skip(1);
                    continue;
                }

                frame = null!;
                return false;
            }

            var line = Encoding.ASCII.GetString(bytes[..end]).TrimEnd('\r');
            _window.Consume(end + 1);
            if (!HasValidChecksum(line))
            {
                _checksumErrors++;
                _skippedBytes += end + 1;
                continue;
            }

            _frames++;
            var sentence = TalkerSentence.FromSentenceString(line, out var error);
            if (sentence is null || error != NmeaError.None)
            {
                continue;
            }

            var typed = sentence.TryGetTypedValue(ref _lastMessageTime);
            if (typed is RecommendedMinimumNavigationInformation or GlobalPositioningSystemFixData)
            {
                frame = typed;
                return true;
            }
        }
    }

    private static bool HasValidChecksum(string line)
    {
        var star = line.LastIndexOf('*');
        if (star < 1 || star != line.Length - 3
            || !byte.TryParse(line.AsSpan(star + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        byte sum = 0;
        foreach (var c in line.AsSpan(1, star - 1))
        {
            sum ^= (byte)c;
        }

        return sum == expected;
    }

    private void Skip(int count)
    {
        _skippedBytes += count;
        _window.Consume(count);
    }
}
