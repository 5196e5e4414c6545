using Microsoft.Extensions.Logging;

namespace Moci.Ingest.Intake;

/// <summary>Log messages at the ingest's boundaries.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Embedded MQTT broker listening on port {Port}")]
    public static partial void BrokerStarted(this ILogger logger, int port);

    [LoggerMessage(2, LogLevel.Warning, "The embedded broker dropped a queued message for client {ClientId}: its queue of {Limit} messages is full")]
    public static partial void BrokerQueueOverflow(this ILogger logger, string clientId, int limit);

    [LoggerMessage(3, LogLevel.Information, "Intake connected to MQTT broker {Host}:{Port} and subscribed to {Filter}")]
    public static partial void IntakeConnected(this ILogger logger, string host, int port, string filter);

    [LoggerMessage(4, LogLevel.Warning, "Intake cannot reach MQTT broker {Host}:{Port}; retrying in {Delay}")]
    public static partial void IntakeConnectFailed(this ILogger logger, Exception exception, string host, int port, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Intake lost the MQTT broker connection: {Reason}; reconnecting in {Delay}")]
    public static partial void IntakeDisconnected(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "Dead-lettered {Count} record(s) of a message on {Topic}; the first because: {Reason}")]
    public static partial void DeadLettered(this ILogger logger, int count, string topic, string reason);

    [LoggerMessage(7, LogLevel.Debug, "Committed {Stored} readings ({Duplicates} duplicates, {Conflicts} conflicts, {DeadLetters} dead letters) from {Messages} messages")]
    public static partial void BatchCommitted(this ILogger logger, int stored, int duplicates, int conflicts, int deadLetters, int messages);

    [LoggerMessage(8, LogLevel.Error, "Committing a batch of {Readings} readings failed; retrying in {Delay}. Nothing is acknowledged until it succeeds")]
    public static partial void CommitFailed(this ILogger logger, Exception exception, int readings, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Warning, "Could not publish the acknowledgement of batch {Sequence} (and any others of the same commit) to station {StationId} ({Failures} failed since the last success); the stations resend what is not acknowledged")]
    public static partial void AckFailed(this ILogger logger, Exception? exception, string stationId, long sequence, long failures);

    [LoggerMessage(11, LogLevel.Debug, "Could not acknowledge a committed message to the broker; it will be delivered again and stored once")]
    public static partial void DeliveryAckFailed(this ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Message on {Topic} has a malformed seq user property '{Sequence}'; its readings are stored but cannot be acknowledged")]
    public static partial void MalformedSequence(this ILogger logger, string topic, string sequence);
}
