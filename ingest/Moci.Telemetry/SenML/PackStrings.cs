using System.Text.Json;

namespace Moci.Telemetry.SenML;

/// <summary>
/// The string values of one pack (names, units) read once: a pack of a station repeats the same few metric names
/// and units in every record, so each distinct one becomes a string once and later records share it. Holds at
/// most <see cref="Capacity"/> distinct values; beyond that a value is read as a new string each time. Not
/// thread-safe: one per pack being decoded.
/// </summary>
internal sealed class PackStrings
{
    /// <summary>Distinct values kept: a station's pack names a few dozen metrics and units at most.</summary>
    public const int Capacity = 64;

    private readonly List<(byte[] Utf8, string Text)> _known = [];

    /// <summary>The string token the reader stands on.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Rare on the wire (an escape, or a value split across the payload's segments): read it the plain way.
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        foreach (var (known, text) in _known)
        {
            if (utf8.SequenceEqual(known))
            {
                return text;
            }
        }

        var value = reader.GetString()!;
        if (_known.Count < Capacity)
        {
            _known.Add((utf8.ToArray(), value));
        }

        return value;
    }
}
