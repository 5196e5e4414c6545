using System.Buffers;
using System.Globalization;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Intake;

/// <summary>
/// Decides what becomes of one received readings message: decode the SenML pack, check it against the
/// station registry and the metric catalogue, and split it into readings and dead letters. No I/O.
/// Thread-safe: stateless apart from the immutable registry.
/// </summary>
public sealed class MessageIntake(StationRegistry registry)
{
    /// <summary>Turns a received message into an intake item; never throws for bad input.</summary>
    /// <param name="topic">MQTT topic it came on.</param>
    /// <param name="payload">The raw payload.</param>
    /// <param name="sequenceText">The <c>seq</c> user property as sent, or null.</param>
    /// <param name="receivedAt">The hub's clock at reception.</param>
    public IntakeItem Accept(string topic, ReadOnlySequence<byte> payload, string? sequenceText, DateTimeOffset receivedAt)
    {
        if (!WireTopics.TryParse(topic, out var stationId, out var kind) || kind != TopicKind.Readings)
        {
            return Reject(null, null, $"'{topic}' is not a readings topic of the form moci/v1/{{stationId}}/senml");
        }

        long? sequence = long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        if (!registry.TryGet(stationId, out _))
        {
            return Reject(stationId, sequence, $"station '{stationId}' is not registered on this hub");
        }

        if (!SenMLDecoder.TryDecode(payload, receivedAt, out var records, out var error))
        {
            return Reject(stationId, sequence, $"invalid SenML pack: {error}");
        }

        var contents = StationPack.Read(stationId, records, receivedAt);
        var deadLetters = contents.Rejected
            .Select(r => new DeadLetter(receivedAt, topic, stationId, r.Reason, SenMLEncoder.Encode([r.Record], "")))
            .ToList();
        return new IntakeItem(stationId, sequence, contents.Readings, deadLetters);

        IntakeItem Reject(string? station, long? batch, string reason) =>
            new(station, batch, [], [new DeadLetter(receivedAt, topic, station, reason, payload.ToArray())]);
    }
}
