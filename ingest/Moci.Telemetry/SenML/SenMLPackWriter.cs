using System.Buffers;
using System.Text.Json;

namespace Moci.Telemetry.SenML;

/// <summary>
/// Writes a SenML JSON pack of numeric records (RFC 8428 §5) one record at a time, straight from the caller's own
/// rows: no record objects, names and units given pre-encoded. The output is byte for byte what
/// <see cref="SenMLEncoder.Encode(IReadOnlyList{SenMLRecord}, string)"/> writes for the same records: <c>bn</c> and an
/// absolute <c>bt</c> on the first record, then each record's name, unit, value, time relative to <c>bt</c> (left out
/// when 0) and <c>qa</c> extension. Times are whole Unix milliseconds, so <c>bt + t</c> decodes to the same instant.
/// One buffer is kept and reused from pack to pack; it holds no other resource, so there is nothing to dispose.
/// Not thread-safe: one writer per sender.
/// </summary>
public sealed class SenMLPackWriter
{
    private static readonly JsonEncodedText BaseNameLabel = JsonEncodedText.Encode("bn");
    private static readonly JsonEncodedText BaseTimeLabel = JsonEncodedText.Encode("bt");
    private static readonly JsonEncodedText NameLabel = JsonEncodedText.Encode("n");
    private static readonly JsonEncodedText UnitLabel = JsonEncodedText.Encode("u");
    private static readonly JsonEncodedText ValueLabel = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText TimeLabel = JsonEncodedText.Encode("t");
    private static readonly JsonEncodedText QaLabel = JsonEncodedText.Encode("qa");

    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _json;
    private JsonEncodedText _baseName;
    private long _baseMilliseconds;

    /// <summary>A writer whose buffer starts at <paramref name="initialBytes"/> and grows as packs need.</summary>
    public SenMLPackWriter(int initialBytes = 16 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialBytes);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Records written since <see cref="Start"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes the pack takes so far, its closing ']' included.</summary>
    public long Length => _json.BytesCommitted + _json.BytesPending + 1;

    /// <summary>Begins a new pack, dropping whatever the last one held.</summary>
    /// <param name="baseName">The <c>bn</c> every record name is relative to, e.g. <c>urn:dev:moci:rrg-school-01:</c>.</param>
    /// <param name="baseMilliseconds">
    /// The <c>bt</c>, Unix milliseconds (UTC): the earliest time of the records to come, so that no <c>t</c> is
    /// negative; at or above 2^28 s, else a receiver would read the times as relative (RFC 8428 §4.5.3).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseMilliseconds"/> is below 2^28 s.</exception>
    public void Start(JsonEncodedText baseName, long baseMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseMilliseconds, (long)SenMLTime.RelativeThreshold * 1000);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _baseName = baseName;
        _baseMilliseconds = baseMilliseconds;
        Count = 0;
        _json.WriteStartArray();
    }

    /// <summary>Writes one record.</summary>
    /// <param name="name">The name relative to the base name (the metric), pre-encoded.</param>
    /// <param name="unit">The unit, pre-encoded.</param>
    /// <param name="value">The value in <paramref name="unit"/>; finite.</param>
    /// <param name="milliseconds">The record's time, Unix milliseconds (UTC).</param>
    /// <param name="qa">The names of the quality flags the sender asserts (<c>qa</c>), pre-encoded; empty for none.</param>
    public void Add(JsonEncodedText name, JsonEncodedText unit, double value, long milliseconds, ReadOnlySpan<JsonEncodedText> qa = default)
    {
        _json.WriteStartObject();
        if (Count == 0)
        {
            _json.WriteString(BaseNameLabel, _baseName);
            _json.WriteNumber(BaseTimeLabel, _baseMilliseconds / 1000.0);
        }

        _json.WriteString(NameLabel, name);
        _json.WriteString(UnitLabel, unit);
        _json.WriteNumber(ValueLabel, value);
        var offset = milliseconds - _baseMilliseconds;
        if (offset % 1000 == 0)
        {
            // Whole seconds, the usual case, are written as the integer they are: the same text as the double, cheaper.
            if (offset != 0)
            {
                _json.WriteNumber(TimeLabel, offset / 1000);
            }
        }
        else
        {
            _json.WriteNumber(TimeLabel, offset / 1000.0);
        }

        if (!qa.IsEmpty)
        {
            _json.WriteStartArray(QaLabel);
            foreach (var flag in qa)
            {
                _json.WriteStringValue(flag);
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        Count++;
    }

    /// <summary>Closes the pack and returns it as a new array, UTF-8 JSON.</summary>
    public byte[] ToArray()
    {
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
