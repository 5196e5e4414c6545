using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// The hub's acknowledgement on <c>moci/v1/{stationId}/ack</c>: each listed batch is committed to the store (or kept
/// in the dead-letter store with a reason), so the station may delete exactly those batches from its outbox — not
/// the ones in between, which a broker may have lost. The hub sends one acknowledgement per station and commit:
/// <c>{"seq": N}</c> for one batch, <c>{"seq": [N1, N2, …]}</c> for several.
/// </summary>
/// <param name="Sequences">The acknowledged batch numbers, each non-negative.</param>
public readonly record struct BatchAck(IReadOnlyList<long> Sequences)
{
    /// <summary>The acknowledgement of one batch.</summary>
    public BatchAck(long sequence)
        : this([sequence])
    {
    }

    /// <summary>Encodes the acknowledgement as UTF-8 JSON: a number for one batch, an array for several.</summary>
    public byte[] ToJson()
    {
        if (Sequences.Count == 1)
        {
            return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"seq":{{Sequences[0]}}}"""));
        }

        return Encoding.UTF8.GetBytes("{\"seq\":[" + string.Join(',', Sequences.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]}");
    }

    /// <summary>
    /// Reads an acknowledgement; false for anything that is not <c>{"seq": n}</c> or <c>{"seq": [n, …]}</c> with
    /// non-negative integers (an empty array is not an acknowledgement).
    /// </summary>
    public static bool TryParse(ReadOnlySequence<byte> json, out BatchAck ack)
    {
        ack = default;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("seq", out var seq))
            {
                return false;
            }

            if (TryRead(seq, out var one))
            {
                ack = new BatchAck(one);
                return true;
            }

            if (seq.ValueKind != JsonValueKind.Array || seq.GetArrayLength() == 0)
            {
                return false;
            }

            var sequences = new List<long>(seq.GetArrayLength());
            foreach (var element in seq.EnumerateArray())
            {
                if (!TryRead(element, out var value))
                {
                    return false;
                }

                sequences.Add(value);
            }

            ack = new BatchAck(sequences);
            return true;
        }
        catch (JsonException)
        {
        }

        return false;

        static bool TryRead(JsonElement element, out long value)
        {
            value = 0;
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value >= 0;
        }
    }
}
