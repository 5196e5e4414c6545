using System.Buffers;
using MQTTnet.Packets;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Intake;

/// <summary>
/// Takes one readings message, however it arrived — handed over by the embedded broker as the station publishes it
/// (<see cref="Broker.EmbeddedBroker"/>), or delivered by an external broker to the <see cref="MqttIntake"/> — counts
/// it, decodes and validates it (<see cref="MessageIntake"/>) and queues it for the <see cref="BatchWriter"/>. Waits
/// while the queue is full, which holds back the sender's acknowledgement instead of dropping anything. Thread-safe.
/// </summary>
public sealed class ReadingsReceiver(
    MessageIntake intake,
    IntakeQueue queue,
    IngestCounters counters,
    TimeProvider time,
    ILogger<ReadingsReceiver> logger)
{
    /// <summary>Queues one readings message.</summary>
    /// <param name="topic">The topic it was published on.</param>
    /// <param name="payload">The payload as sent; read before this returns, never kept.</param>
    /// <param name="userProperties">Its MQTT 5 user properties (the batch's <c>seq</c>), or null.</param>
    /// <param name="acknowledgeDelivery">
    /// Sends the broker's acknowledgement of the message once it is committed; null when no broker waits for one (the
    /// embedded broker acknowledges the station itself, and the station keeps the batch until the hub's own
    /// acknowledgement).
    /// </param>
    /// <param name="cancellationToken">Stops the wait for room in the queue.</param>
    public ValueTask ReceiveAsync(
        string topic,
        ReadOnlySequence<byte> payload,
        IReadOnlyList<MqttUserProperty>? userProperties,
        Func<CancellationToken, Task>? acknowledgeDelivery,
        CancellationToken cancellationToken)
    {
        counters.MessageReceived();
        var sequenceText = SequenceOf(userProperties);
        var item = intake.Accept(topic, payload, sequenceText, time.GetUtcNow());
        if (acknowledgeDelivery is not null)
        {
            item = item with { AcknowledgeDelivery = acknowledgeDelivery };
        }

        if (sequenceText is not null && item.Sequence is null)
        {
            logger.MalformedSequence(LogText.Escape(topic), LogText.Quote(sequenceText));
        }

        // One line per message, however many of its records were refused (their topic and reasons quote the
        // sender only escaped and shortened).
        if (item.DeadLetters is [var first, ..] letters)
        {
            logger.DeadLettered(letters.Count, first.Topic, Shorten(first.Reason));
        }

        // The queue is bounded: this waits while it is full.
        return queue.Writer.TryWrite(item) ? ValueTask.CompletedTask : queue.Writer.WriteAsync(item, cancellationToken);
    }

    internal static string Shorten(string reason) => reason.Length <= 300 ? reason : reason[..300] + "…";

    private static string? SequenceOf(IReadOnlyList<MqttUserProperty>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].Name == WireProtocol.SequenceProperty)
            {
                return properties[i].ReadValueAsString();
            }
        }

        return null;
    }
}
