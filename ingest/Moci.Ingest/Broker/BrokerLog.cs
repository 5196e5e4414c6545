namespace Moci.Ingest.Broker;

/// <summary>Log messages of the embedded broker. Sender text is logged only through <see cref="Moci.Telemetry.Protocol.LogText"/>.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(201, LogLevel.Information, "Embedded MQTT broker listening on port {Port} (all interfaces){Tls}")]
    public static partial void Started(ILogger logger, int port, string tls);

    [LoggerMessage(202, LogLevel.Warning, "The embedded broker dropped a queued message for client {ClientId}: its queue of {Limit} messages is full")]
    public static partial void QueueOverflow(ILogger logger, string clientId, int limit);

    [LoggerMessage(203, LogLevel.Information, "Refused MQTT connection from {Endpoint} as '{Username}': {Refusal}")]
    public static partial void ConnectionRefused(ILogger logger, string? endpoint, string username, Refusal refusal);

    [LoggerMessage(204, LogLevel.Debug, "Refused {Refusal} by '{Username}' on '{Topic}'")]
    public static partial void OperationRefused(ILogger logger, Refusal refusal, string username, string topic);

    [LoggerMessage(205, LogLevel.Information, "Disconnected client '{ClientId}': its station's secret or state changed")]
    public static partial void Disconnected(ILogger logger, string clientId);

    [LoggerMessage(206, LogLevel.Warning, "The broker could not accept a connection ({Error}); retrying")]
    public static partial void AcceptFailed(ILogger logger, System.Net.Sockets.SocketError error);

    [LoggerMessage(207, LogLevel.Warning, "An MQTT connection failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);
}
