using System.Text.Json;
using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.SenML;

/// <summary>The labels of one SenML JSON record as they appear on the wire, before resolution.</summary>
internal struct RawRecord
{
    // 1 << -1 is 1 << 31, negative: unknown labels are not tracked for duplicates.
    private static readonly string[] KnownLabels =
        ["bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut", "l", "qa"];

    public string? BaseName;
    public double? BaseTime;
    public string? BaseUnit;
    public double? BaseValue;
    public double? BaseSum;
    public int? BaseVersion;
    public string? Name;
    public string? Unit;
    public double? Value;
    public string? StringValue;
    public bool? BooleanValue;
    public string? DataValue;
    public double? Sum;
    public double? Time;
    public double? UpdateTime;
    public List<string>? Qa;

    /// <summary>
    /// Reads one record object; the reader stands on its StartObject and is left on its EndObject.
    /// Unknown labels are skipped unless they end in '_', which RFC 8428 §4.4 makes must-understand.
    /// A label given twice is an error: which one wins would be a guess.
    /// </summary>
    /// <param name="reader">The pack's reader.</param>
    /// <param name="strings">The pack's names and units read so far, shared by its records.</param>
    /// <param name="raw">The record's labels.</param>
    /// <param name="error">Why the record is invalid.</param>
    public static bool TryRead(ref Utf8JsonReader reader, PackStrings strings, out RawRecord raw, out string? error)
    {
        raw = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // A label is one of a few short words: matched on its bytes, it becomes a string only when it is unknown.
            var index = reader.ValueIsEscaped || reader.HasValueSequence ? Array.IndexOf(KnownLabels, reader.GetString()) : IndexOf(reader.ValueSpan);
            var bit = 1 << index;
            if (bit > 0 && (seen & bit) != 0)
            {
                error = $"the label '{KnownLabels[index]}' appears twice";
                return false;
            }

            seen |= bit;
            var label = index >= 0 ? KnownLabels[index] : reader.GetString()!;
            reader.Read();
            var ok = index switch
            {
                0 => TryString(ref reader, strings, out raw.BaseName),
                1 => TryNumber(ref reader, out raw.BaseTime),
                2 => TryString(ref reader, strings, out raw.BaseUnit),
                3 => TryNumber(ref reader, out raw.BaseValue),
                4 => TryNumber(ref reader, out raw.BaseSum),
                5 => TryVersion(ref reader, out raw.BaseVersion),
                6 => TryString(ref reader, strings, out raw.Name),
                7 => TryString(ref reader, strings, out raw.Unit),
                8 => TryNumber(ref reader, out raw.Value),
                9 => TryString(ref reader, out raw.StringValue),
                10 => TryBoolean(ref reader, out raw.BooleanValue),
                11 => TryString(ref reader, out raw.DataValue),
                12 => TryNumber(ref reader, out raw.Sum),
                13 => TryNumber(ref reader, out raw.Time),
                14 => TryNumber(ref reader, out raw.UpdateTime),
                15 => TryString(ref reader, out _),
                16 => TryStrings(ref reader, out raw.Qa),
                _ when label.EndsWith('_') => false,
                _ => Skip(ref reader),
            };

            if (!ok)
            {
                error = label switch
                {
                    _ when label.EndsWith('_') => $"the label {LogText.Quote(label)} must be understood (it ends in '_') and is not",
                    "bn" or "bu" or "n" or "u" or "vs" or "vd" or "l" => $"'{label}' must be a string",
                    "vb" => "'vb' must be true or false",
                    "qa" => "'qa' must be a list of quality flag names, e.g. [\"clock_suspect\"]",
                    "bver" => "'bver' must be a positive integer",
                    _ => $"'{label}' must be a finite number",
                };
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>The index in <see cref="KnownLabels"/> of the label whose UTF-8 bytes are <paramref name="label"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<byte> label) => label.Length switch
    {
        1 => label[0] switch
        {
            (byte)'n' => 6,
            (byte)'u' => 7,
            (byte)'v' => 8,
            (byte)'s' => 12,
            (byte)'t' => 13,
            (byte)'l' => 15,
            _ => -1,
        },
        2 => (label[0], label[1]) switch
        {
            ((byte)'b', (byte)'n') => 0,
            ((byte)'b', (byte)'t') => 1,
            ((byte)'b', (byte)'u') => 2,
            ((byte)'b', (byte)'v') => 3,
            ((byte)'b', (byte)'s') => 4,
            ((byte)'v', (byte)'s') => 9,
            ((byte)'v', (byte)'b') => 10,
            ((byte)'v', (byte)'d') => 11,
            ((byte)'u', (byte)'t') => 14,
            ((byte)'q', (byte)'a') => 16,
            _ => -1,
        },
        4 => label.SequenceEqual("bver"u8) ? 5 : -1,
        _ => -1,
    };

    private static bool TryString(ref Utf8JsonReader reader, PackStrings strings, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? strings.Read(ref reader) : null;
        return value is not null;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    /// <summary>A JSON array of strings (the reader stands on its StartArray and is left on its EndArray).</summary>
    private static bool TryStrings(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return false;
            }

            list.Add(reader.GetString()!);
        }

        values = list;
        return true;
    }

    private static bool TryNumber(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value.HasValue;
    }

    private static bool TryVersion(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version < 1)
        {
            return false;
        }

        value = version;
        return true;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }
}
