using Microsoft.Extensions.Options;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Telemetry.Protocol;
using MQTTnet.Protocol;

namespace Moci.Ingest.Broker;

/// <summary>
/// Who may connect to the embedded broker and what each client may do (wire protocol v1). A station logs in with
/// its id as user name and its secret as password, uses its id (or its id, '-' and anything) as client id, publishes
/// only on its own <c>senml</c>, <c>status</c> and <c>health</c> topics and subscribes only to its own <c>ack</c>
/// topic. The intake logs in with the credential made up at start, publishes only acknowledgements and
/// subscribes only to the stations' topics. No I/O; thread-safe.
/// </summary>
internal sealed class BrokerAccessPolicy(StationRegistry registry, IntakeCredential intake, IOptions<BrokerOptions> options)
{
    /// <summary>Decides on a CONNECT.</summary>
    /// <param name="clientId">The client id sent, possibly empty.</param>
    /// <param name="username">The user name sent, or null.</param>
    /// <param name="password">The password bytes sent, or null.</param>
    /// <param name="keepAliveSeconds">The keep-alive asked for, in seconds.</param>
    public ConnectDecision CheckConnect(string? clientId, string? username, byte[]? password, ushort keepAliveSeconds)
    {
        var broker = options.Value;
        if (string.IsNullOrEmpty(username))
        {
            return ConnectDecision.Refuse(MqttConnectReasonCode.NotAuthorized, Refusal.Anonymous,
                "log in with the station id as user name and its secret as password");
        }

        if (keepAliveSeconds == 0 || keepAliveSeconds > broker.MaxKeepAlive.TotalSeconds)
        {
            return ConnectDecision.Refuse(MqttConnectReasonCode.ImplementationSpecificError, Refusal.KeepAliveOutOfRange,
                $"keep-alive must be between 1 and {broker.MaxKeepAlive.TotalSeconds:0} seconds");
        }

        if (username == intake.Username)
        {
            return intake.Matches(username, password) && clientId == broker.ClientId
                ? new ConnectDecision(MqttConnectReasonCode.Success, null, null, BrokerPrincipal.Intake)
                : ConnectDecision.Refuse(MqttConnectReasonCode.BadUserNameOrPassword, Refusal.WrongSecret, "bad user name or password");
        }

        var secret = password is null ? null : System.Text.Encoding.UTF8.GetString(password);
        var result = StationId.IsValid(username) ? registry.Authenticate(username, secret) : StationAuthResult.UnknownStation;
        switch (result)
        {
            case StationAuthResult.UnknownStation:
                return ConnectDecision.Refuse(MqttConnectReasonCode.BadUserNameOrPassword, Refusal.UnknownStation, "bad user name or password");
            case StationAuthResult.WrongSecret:
                return ConnectDecision.Refuse(MqttConnectReasonCode.BadUserNameOrPassword, Refusal.WrongSecret, "bad user name or password");
            case StationAuthResult.NoSecret:
                return ConnectDecision.Refuse(MqttConnectReasonCode.NotAuthorized, Refusal.NoSecret,
                    "this station has no secret yet; give it one with `moci stations rotate-secret`");
            case StationAuthResult.Revoked:
                return ConnectDecision.Refuse(MqttConnectReasonCode.Banned, Refusal.Revoked, "this station is revoked");
        }

        if (string.IsNullOrEmpty(clientId))
        {
            return new ConnectDecision(MqttConnectReasonCode.Success, null, null, new BrokerPrincipal(username), AssignedClientId: username);
        }

        if (clientId == broker.ClientId || OwnerOf(clientId) != username)
        {
            return ConnectDecision.Refuse(MqttConnectReasonCode.ClientIdentifierNotValid, Refusal.ClientIdNotAllowed,
                $"the client id must be the station id or start with '{username}-'");
        }

        return new ConnectDecision(MqttConnectReasonCode.Success, null, null, new BrokerPrincipal(username));
    }

    /// <summary>
    /// The station a client id belongs to: the registered station with the longest id that is the client id or
    /// that the client id starts with followed by '-'. So station <c>abc</c> may use <c>abc-2</c>, but not the id
    /// of a station <c>abc-2</c> if one is registered, and no station can take over another's session.
    /// </summary>
    public string? OwnerOf(string clientId)
    {
        var candidate = clientId;
        while (true)
        {
            if (registry.TryGet(candidate, out _))
            {
                return candidate;
            }

            var dash = candidate.LastIndexOf('-');
            if (dash <= 0)
            {
                return null;
            }

            candidate = candidate[..dash];
        }
    }

    /// <summary>Who a connection that passed <see cref="CheckConnect"/> with <paramref name="username"/> is.</summary>
    public BrokerPrincipal PrincipalOf(string? username) =>
        username == intake.Username ? BrokerPrincipal.Intake : new BrokerPrincipal(username ?? "");

    /// <summary>Decides on a PUBLISH (or a will being sent); null when allowed.</summary>
    public (MqttPubAckReasonCode Code, Refusal Refusal, string Reason)? CheckPublish(BrokerPrincipal principal, string topic)
    {
        if (!IsValidTopicName(topic))
        {
            return (MqttPubAckReasonCode.TopicNameInvalid, Refusal.TopicInvalid, "topic names must not contain '+', '#', NUL or control characters");
        }

        var parsed = WireTopics.TryParse(topic, out var stationId, out var kind);
        var allowed = principal.IsIntake
            ? parsed && kind == TopicKind.Ack
            : parsed && stationId == principal.StationId && kind is TopicKind.Readings or TopicKind.Status or TopicKind.Health;
        return allowed
            ? null
            : (MqttPubAckReasonCode.NotAuthorized, Refusal.PublishNotAllowed,
                principal.IsIntake ? "the intake publishes only acknowledgements" : $"a station publishes only on {WireTopics.Prefix}{principal.StationId}/senml, /status and /health");
    }

    /// <summary>True when the station's messages on <paramref name="topic"/> must not be retained (readings are not state).</summary>
    public static bool IsRetainForbidden(string topic) =>
        WireTopics.TryParse(topic, out _, out var kind) && kind == TopicKind.Readings;

    /// <summary>Decides on one topic filter of a SUBSCRIBE; null when allowed.</summary>
    public (MqttSubscribeReasonCode Code, Refusal Refusal, string Reason)? CheckSubscribe(BrokerPrincipal principal, string filter)
    {
        if (principal.IsIntake)
        {
            return IntakeFilters().Contains(filter)
                ? null
                : (MqttSubscribeReasonCode.NotAuthorized, Refusal.SubscribeNotAllowed, "the intake subscribes only to the stations' topics");
        }

        return filter == WireTopics.Ack(principal.StationId!)
            ? null
            : (MqttSubscribeReasonCode.NotAuthorized, Refusal.SubscribeNotAllowed, $"a station subscribes only to {WireTopics.Ack(principal.StationId!)}");
    }

    private IEnumerable<string> IntakeFilters()
    {
        yield return WireTopics.AllReadings;
        yield return WireTopics.AllStatus;
        yield return WireTopics.AllHealth;
        if (options.Value.SharedSubscriptionGroup is { } group)
        {
            yield return WireTopics.SharedReadings(group);
        }
    }

    /// <summary>MQTT 5 §4.7.3 forbids wildcards in topic names; NUL and control characters are refused too.</summary>
    internal static bool IsValidTopicName(string topic)
    {
        if (topic.Length == 0)
        {
            return false;
        }

        foreach (var c in topic)
        {
            if (c is '+' or '#' || char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }
}
