using System.Buffers;
using System.Text.Json;

namespace Moci.Telemetry.SenML;

/// <summary>
/// Encodes records as a SenML JSON pack (RFC 8428 §5) with a base name and an absolute base time,
/// each record's time relative to it. Thread-safe: stateless.
/// </summary>
public static class SenMLEncoder
{
    /// <summary>Encodes <paramref name="records"/> into <paramref name="output"/> as UTF-8 JSON.</summary>
    /// <param name="records">Resolved records with absolute times (at or above 2^28 s).</param>
    /// <param name="baseName">
    /// Written once as <c>bn</c>; every record name must start with it and only the rest is written as <c>n</c>.
    /// </param>
    /// <param name="output">Where the JSON goes.</param>
    /// <exception cref="ArgumentException">A name does not start with <paramref name="baseName"/>, or a time is relative.</exception>
    public static void Encode(IReadOnlyList<SenMLRecord> records, string baseName, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();

        // Times are written in whole milliseconds so that bt + t decodes to the same instant exactly.
        var baseMillis = records.Count == 0 ? 0 : records.Min(r => ToMillis(r.Time));
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!record.Name.StartsWith(baseName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"record name '{record.Name}' does not start with the base name '{baseName}'", nameof(records));
            }

            if (record.Time < SenMLTime.RelativeThreshold)
            {
                throw new ArgumentException($"record '{record.Name}' has a relative time; the wire protocol sends absolute UTC times", nameof(records));
            }

            json.WriteStartObject();
            if (i == 0)
            {
                json.WriteString("bn", baseName);
                json.WriteNumber("bt", baseMillis / 1000.0);
            }

            var name = record.Name[baseName.Length..];
            if (name.Length > 0)
            {
                json.WriteString("n", name);
            }

            WriteUnitAndValue(json, record);

            var offset = ToMillis(record.Time) - baseMillis;
            if (offset != 0)
            {
                json.WriteNumber("t", offset / 1000.0);
            }

            if (record.UpdateTime is { } updateTime)
            {
                json.WriteNumber("ut", updateTime);
            }

            WriteQa(json, record);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Encodes <paramref name="records"/> into a new byte array.</summary>
    public static byte[] Encode(IReadOnlyList<SenMLRecord> records, string baseName)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + records.Count * 48);
        Encode(records, baseName, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Encodes one resolved record as a pack of its own, to keep a record the hub rejected: the full name as
    /// <c>n</c> and the resolved time as <c>t</c> in seconds exactly as held (not rounded, not checked), so
    /// the pack decodes to the same record whatever its time.
    /// </summary>
    /// <exception cref="ArgumentException">The record's time or a number in it is not finite: JSON has no number for it.</exception>
    public static byte[] EncodeRecord(SenMLRecord record)
    {
        if (!double.IsFinite(record.Time))
        {
            throw new ArgumentException($"record '{record.Name}' has a time that is not a finite number", nameof(record));
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("n", record.Name);
            WriteUnitAndValue(json, record);

            json.WriteNumber("t", record.Time);
            if (record.UpdateTime is { } updateTime)
            {
                json.WriteNumber("ut", updateTime);
            }

            WriteQa(json, record);

            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The unit, the one value field a record carries, and its sum.</summary>
    private static void WriteUnitAndValue(Utf8JsonWriter json, SenMLRecord record)
    {
        if (record.Unit is not null)
        {
            json.WriteString("u", record.Unit);
        }

        if (record.Value is { } value)
        {
            json.WriteNumber("v", value);
        }
        else if (record.StringValue is not null)
        {
            json.WriteString("vs", record.StringValue);
        }
        else if (record.BooleanValue is { } flag)
        {
            json.WriteBoolean("vb", flag);
        }
        else if (record.DataValue is not null)
        {
            json.WriteString("vd", System.Buffers.Text.Base64Url.EncodeToString(record.DataValue));
        }

        if (record.Sum is { } sum)
        {
            json.WriteNumber("s", sum);
        }
    }

    /// <summary>The record's <c>qa</c> extension (quality flags its sender asserts), when it has any.</summary>
    private static void WriteQa(Utf8JsonWriter json, SenMLRecord record)
    {
        if (record.Qa is not { Count: > 0 } names)
        {
            return;
        }

        json.WriteStartArray("qa");
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    private static long ToMillis(double seconds) => (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
}
