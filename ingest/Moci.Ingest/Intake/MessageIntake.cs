using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Intake;

/// <summary>
/// Decides what becomes of one received readings message: decode the SenML pack, check it against the
/// station registry, the metric catalogue and the <see cref="IntakeOptions"/> time rules, and split it into
/// readings and dead letters. No I/O. Thread-safe: stateless apart from the immutable registry and rules.
/// </summary>
public sealed class MessageIntake(StationRegistry registry, IOptions<IntakeOptions> options)
{
    /// <summary>Longest topic kept, escaped, in a dead letter of a message that came on no readings topic.</summary>
    private const int MaxTopicLength = 128;

    private readonly TimeRules _rules = options.Value.ToTimeRules();

    /// <summary>
    /// Turns a received message into an intake item. Never throws: bad input, and any failure of the hub
    /// while reading it, becomes a dead letter with a reason, and the item keeps the station and sequence
    /// so that the message is still acknowledged.
    /// </summary>
    /// <param name="topic">MQTT topic it came on.</param>
    /// <param name="payload">The raw payload.</param>
    /// <param name="sequenceText">The <c>seq</c> user property as sent, or null.</param>
    /// <param name="receivedAt">The hub's clock at reception.</param>
    public IntakeItem Accept(string topic, ReadOnlySequence<byte> payload, string? sequenceText, DateTimeOffset receivedAt)
    {
        string? stationId = null;
        long? sequence = null;
        try
        {
            sequence = long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
            if (!WireTopics.TryParse(topic, out var parsedId, out var kind) || kind != TopicKind.Readings)
            {
                return Reject(RejectionKind.BadTopic, $"{LogText.Quote(topic)} is not a readings topic of the form moci/v1/{{stationId}}/senml");
            }

            stationId = parsedId;
            if (!registry.TryGet(stationId, out var station))
            {
                return Reject(RejectionKind.Unregistered, $"station '{stationId}' is not registered on this hub");
            }

            if (!SenMLDecoder.TryDecode(payload, receivedAt, out var records, out var error))
            {
                return Reject(RejectionKind.InvalidPack, $"invalid SenML pack: {error}");
            }

            var contents = StationPack.Read(stationId, station.Kind, records, receivedAt, _rules);
            var rejections = contents.Rejected
                .Select(r => new Rejection(r.Kind, new DeadLetter(receivedAt, topic, stationId, r.Reason, RecordPayload(r.Record))))
                .ToList();
            return new IntakeItem(stationId, sequence, contents.Readings, rejections);
        }
        catch (Exception ex)
        {
            // A defect of the hub, not of the message: keep the whole message to replay once it is fixed, and
            // acknowledge it all the same, or the station would resend it for ever. One line, no stack trace.
            var where = ex.TargetSite is { } method ? $" in {method.DeclaringType?.Name}.{method.Name}" : "";
            return Reject(RejectionKind.InternalError, $"internal error of the hub while reading the message ({ex.GetType().Name}{where}: {LogText.Escape(ex.Message, 200)}); kept for replay");
        }

        IntakeItem Reject(RejectionKind kind, string reason) =>
            new(stationId, sequence, [], [new Rejection(kind, new DeadLetter(receivedAt, SafeTopic(), stationId, reason, WholePayload()))]);

        // A readings topic is plain by construction; any other topic is sender text and is escaped.
        string SafeTopic() => stationId is null ? LogText.Escape(topic, MaxTopicLength) : topic;

        byte[] RecordPayload(SenMLRecord record)
        {
            // A time JSON cannot write (an overflow to infinity) leaves the record only in the message as sent.
            return double.IsFinite(record.Time) ? SenMLEncoder.EncodeRecord(record) : WholePayload();
        }

        byte[] WholePayload()
        {
            try
            {
                return payload.ToArray();
            }
            catch (Exception)
            {
                // A payload that cannot even be copied is lost with the broken buffer; the reason is still kept.
                return [];
            }
        }
    }
}
