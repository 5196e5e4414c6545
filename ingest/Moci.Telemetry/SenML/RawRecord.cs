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
    public static bool TryRead(ref Utf8JsonReader reader, out RawRecord raw, out string? error)
    {
        raw = default;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var label = reader.GetString()!;
            var bit = 1 << Array.IndexOf(KnownLabels, label);
            if (bit > 0 && (seen & bit) != 0)
            {
                error = $"the label '{label}' appears twice";
                return false;
            }

            seen |= bit;
            reader.Read();
            var ok = label switch
            {
                "bn" => TryString(ref reader, out raw.BaseName),
                "bt" => TryNumber(ref reader, out raw.BaseTime),
                "bu" => TryString(ref reader, out raw.BaseUnit),
                "bv" => TryNumber(ref reader, out raw.BaseValue),
                "bs" => TryNumber(ref reader, out raw.BaseSum),
                "bver" => TryVersion(ref reader, out raw.BaseVersion),
                "n" => TryString(ref reader, out raw.Name),
                "u" => TryString(ref reader, out raw.Unit),
                "v" => TryNumber(ref reader, out raw.Value),
                "vs" => TryString(ref reader, out raw.StringValue),
                "vb" => TryBoolean(ref reader, out raw.BooleanValue),
                "vd" => TryString(ref reader, out raw.DataValue),
                "s" => TryNumber(ref reader, out raw.Sum),
                "t" => TryNumber(ref reader, out raw.Time),
                "ut" => TryNumber(ref reader, out raw.UpdateTime),
                "l" => TryString(ref reader, out _),
                "qa" => TryStrings(ref reader, out raw.Qa),
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
