using System.Buffers;
using System.Text.Json;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// The hub's acknowledgement <c>{"seq": N}</c>: every batch of the station up to and including
/// <see cref="Sequence"/> is committed to the store (or kept in the dead-letter store with a reason),
/// so the station may delete it from its outbox.
/// </summary>
public readonly record struct BatchAck(long Sequence)
{
    /// <summary>Encodes the acknowledgement as UTF-8 JSON.</summary>
    public byte[] ToJson() => System.Text.Encoding.UTF8.GetBytes($$"""{"seq":{{Sequence}}}""");

    /// <summary>Reads an acknowledgement; false for anything that is not <c>{"seq": non-negative integer}</c>.</summary>
    public static bool TryParse(ReadOnlySequence<byte> json, out BatchAck ack)
    {
        ack = default;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("seq", out var seq) &&
                seq.ValueKind == JsonValueKind.Number &&
                seq.TryGetInt64(out var value) && value >= 0)
            {
                ack = new BatchAck(value);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
