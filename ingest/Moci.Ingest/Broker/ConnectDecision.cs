using MQTTnet.Protocol;

namespace Moci.Ingest.Broker;

/// <summary>The broker's answer to a CONNECT.</summary>
/// <param name="Code">The CONNACK reason code; Success lets the client in.</param>
/// <param name="Refusal">Why it was refused, for counting; null when accepted.</param>
/// <param name="Reason">The reason string sent to an MQTT 5 client.</param>
/// <param name="Principal">Who the client is, when accepted.</param>
/// <param name="AssignedClientId">The client id the broker gives a client that sent none.</param>
internal readonly record struct ConnectDecision(
    MqttConnectReasonCode Code,
    Refusal? Refusal,
    string? Reason,
    BrokerPrincipal? Principal,
    string? AssignedClientId = null)
{
    public static ConnectDecision Refuse(MqttConnectReasonCode code, Refusal refusal, string reason) => new(code, refusal, reason, null);
}
