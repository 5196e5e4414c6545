using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.SenML;

/// <summary>
/// Decodes SenML JSON packs (RFC 8428 §4–5, media type application/senml+json) into resolved records,
/// and rejects, with a reason a person can act on, whatever the RFC calls invalid. Thread-safe: stateless.
/// </summary>
public static class SenMLDecoder
{
    /// <summary>The SenML version this decoder understands (RFC 8428 §4.4, <c>bver</c> defaults to 10).</summary>
    public const int SupportedVersion = 10;

    /// <summary>Most records one pack may hold; a larger pack is rejected rather than buffered.</summary>
    public const int MaxRecords = 10_000;

    /// <summary>Decodes a pack held in one buffer.</summary>
    /// <param name="utf8Json">The pack as UTF-8 JSON.</param>
    /// <param name="now">The receiver's clock, used to resolve relative times (below 2^28 s).</param>
    /// <param name="records">The resolved records, in pack order, when the pack is valid.</param>
    /// <param name="error">Why the pack is invalid, naming the record (1-based) and label where it applies.</param>
    public static bool TryDecode(
        ReadOnlySpan<byte> utf8Json,
        DateTimeOffset now,
        out IReadOnlyList<SenMLRecord> records,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return TryDecode(ref reader, now, out records, out error);
    }

    /// <summary>Decodes a pack held in a buffer sequence (as MQTT payloads are).</summary>
    public static bool TryDecode(
        ReadOnlySequence<byte> utf8Json,
        DateTimeOffset now,
        out IReadOnlyList<SenMLRecord> records,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return TryDecode(ref reader, now, out records, out error);
    }

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 4 };

    private static bool TryDecode(
        ref Utf8JsonReader reader,
        DateTimeOffset now,
        out IReadOnlyList<SenMLRecord> records,
        out string? error)
    {
        records = [];
        var list = new List<SenMLRecord>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                error = "a SenML pack must be a JSON array of records";
                return false;
            }

            var context = new PackContext(SenMLTime.ToSeconds(now));
            var strings = new PackStrings();
            while (true)
            {
                if (!reader.Read())
                {
                    error = "the pack ends before its closing ']'";
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                var index = list.Count + 1;
                if (index > MaxRecords)
                {
                    error = $"the pack holds more than {MaxRecords} records";
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    error = $"record {index}: a SenML record must be a JSON object";
                    return false;
                }

                if (!RawRecord.TryRead(ref reader, strings, out var raw, out error) ||
                    !context.TryResolve(raw, out var record, out error))
                {
                    error = $"record {index}: {error}";
                    return false;
                }

                list.Add(record);
            }

            if (reader.Read())
            {
                error = "unexpected content after the pack's closing ']'";
                return false;
            }
        }
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException)
        {
            // The reader checks the structure only; a label or string of invalid UTF-8 fails when it is read.
            error = "a string is not valid UTF-8 (JSON text must be UTF-8, RFC 8259)";
            return false;
        }
        catch (JsonException ex)
        {
            // The message can quote a character of the payload: escaped like any sender text.
            error = $"not valid JSON: {LogText.Escape(ex.Message, 200)}";
            return false;
        }

        records = list;
        error = null;
        return true;
    }

    /// <summary>The base fields in force while walking a pack (RFC 8428 §4.1: they apply until changed).</summary>
    private sealed class PackContext(double nowSeconds)
    {
        private string _baseName = "";

        // Full names already made and checked under the current base name, by the record's own name (the same string
        // instance for every record that repeats it, see PackStrings): a pack's records share a few names.
        private readonly Dictionary<string, string> _names = new(ReferenceEqualityComparer.Instance);
        private double _baseTime;
        private string? _baseUnit;
        private double? _baseValue;
        private double? _baseSum;
        private int? _version;

        public bool TryResolve(in RawRecord raw, out SenMLRecord record, out string? error)
        {
            record = null!;
            if (raw.BaseVersion is { } version)
            {
                if (version > SupportedVersion)
                {
                    error = $"SenML version {version} is newer than the supported version {SupportedVersion}";
                    return false;
                }

                if (_version is { } earlier && earlier != version)
                {
                    error = $"'bver' changes from {earlier} to {version} within one pack";
                    return false;
                }

                _version = version;
            }

            if (raw.BaseName is not null && !ReferenceEquals(raw.BaseName, _baseName))
            {
                _baseName = raw.BaseName;
                _names.Clear();
            }

            _baseTime = raw.BaseTime ?? _baseTime;
            _baseUnit = raw.BaseUnit ?? _baseUnit;
            _baseValue = raw.BaseValue ?? _baseValue;
            _baseSum = raw.BaseSum ?? _baseSum;

            var own = raw.Name ?? "";
            if (!_names.TryGetValue(own, out var name))
            {
                name = _baseName + own;
                if (!TryValidateName(name, out error))
                {
                    return false;
                }

                if (_names.Count < PackStrings.Capacity)
                {
                    _names[own] = name;
                }
            }

            var valueCount = (raw.Value.HasValue ? 1 : 0) + (raw.StringValue is null ? 0 : 1) +
                             (raw.BooleanValue.HasValue ? 1 : 0) + (raw.DataValue is null ? 0 : 1);
            double? sum = raw.Sum.HasValue || _baseSum.HasValue ? (raw.Sum ?? 0) + (_baseSum ?? 0) : null;
            if (valueCount > 1)
            {
                error = "a record may carry only one of 'v', 'vs', 'vb' and 'vd'";
                return false;
            }

            if (valueCount == 0 && sum is null)
            {
                error = "the record has no value ('v', 'vs', 'vb' or 'vd') and no sum ('s')";
                return false;
            }

            byte[]? data = null;
            if (raw.DataValue is not null && !TryDecodeBase64Url(raw.DataValue, out data))
            {
                error = "'vd' is not base64url (RFC 4648 §5)";
                return false;
            }

            double? value = raw.Value.HasValue ? raw.Value + (_baseValue ?? 0) : null;
            if (value is { } v && !double.IsFinite(v) || sum is { } s && !double.IsFinite(s))
            {
                error = "the value is not a finite number";
                return false;
            }

            var time = _baseTime + (raw.Time ?? 0);
            var relative = time < SenMLTime.RelativeThreshold;
            if (relative)
            {
                time += nowSeconds;
            }

            record = new SenMLRecord(
                name,
                raw.Unit ?? _baseUnit,
                value,
                raw.StringValue,
                raw.BooleanValue,
                data,
                sum,
                time,
                raw.UpdateTime,
                relative,
                raw.Qa);
            error = null;
            return true;
        }

        /// <summary>
        /// RFC 8428 §4.5.1: the concatenated name uses only A–Z a–z 0–9 - : . _ and starts with a
        /// letter or a digit.
        /// </summary>
        private static bool TryValidateName(string name, out string? error)
        {
            if (name.Length == 0)
            {
                error = "the record has no name: neither 'bn' nor 'n' is given";
                return false;
            }

            if (!char.IsAsciiLetterOrDigit(name[0]))
            {
                error = $"the name {LogText.Quote(name)} must start with a letter or a digit";
                return false;
            }

            foreach (var c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '.' or '_'))
                {
                    error = $"the name {LogText.Quote(name)} contains {LogText.Quote(c.ToString())}; only A-Z a-z 0-9 - : . _ are allowed";
                    return false;
                }
            }

            error = null;
            return true;
        }

        private static bool TryDecodeBase64Url(string text, out byte[] data)
        {
            // TryDecodeFromChars throws on characters outside the alphabet, so validate first.
            if (!Base64Url.IsValid(text))
            {
                data = [];
                return false;
            }

            data = Base64Url.DecodeFromChars(text);
            return true;
        }
    }
}
