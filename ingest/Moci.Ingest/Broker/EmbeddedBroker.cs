using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Telemetry.Protocol;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Moci.Ingest.Broker;

/// <summary>
/// The MQTTnet broker the one-machine hub runs in-process (when <see cref="BrokerOptions.Embedded"/> is on).
/// Every client authenticates (<see cref="BrokerAccessPolicy"/>): stations with their id and secret, the intake
/// with a credential made up at start. Each may publish and subscribe only where the wire protocol lets it;
/// everything else is refused with the MQTT 5 reason code and counted. Readings are never retained. Listeners
/// and abuse limits are <see cref="GuardedTcpServerAdapter"/>'s. A station whose secret changes or that is
/// revoked is disconnected at once. A station's readings are handed to the intake's <see cref="ReadingsReceiver"/> as
/// they are published, not routed to subscribers, and the hub's acknowledgements go straight into the station's
/// session (<see cref="AckSessions"/>). Sessions persist across reconnects, and the per-client queue is raised
/// well above MQTTnet's default so that QoS 1 messages are not dropped under load.
/// </summary>
internal sealed class EmbeddedBroker(
    IOptions<BrokerOptions> options,
    BrokerAccessPolicy policy,
    StationRegistry registry,
    BrokerCounters counters,
    IngestCounters ingestCounters,
    ReadingsReceiver readings,
    AckSessions ackSessions,
    ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
{
    private MqttServer? _server;
    private GuardedTcpServerAdapter? _adapter;
    private StationRateLimiter? _rates;

    // The credential each station connection logged in with, by client id (see DisconnectStations).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _credentialOf = new(StringComparer.Ordinal);

    /// <summary>The plain MQTT port, once started (the configured one, or the one chosen for port 0).</summary>
    public int Port => _adapter?.Port ?? 0;

    /// <summary>The TLS port, once started, or 0 without TLS.</summary>
    public int TlsPort => _adapter?.TlsPort ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = options.Value;
        if (!broker.Embedded)
        {
            return;
        }

        var certificate = LoadCertificate(broker);
        _rates = new StationRateLimiter(broker.StationMessagesPerSecond, broker.StationMessageBurst);
        _adapter = new GuardedTcpServerAdapter(broker, certificate, counters, logger);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(broker.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .WithDefaultCommunicationTimeout(broker.ConnectTimeout)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [_adapter]);
        _server.ValidatingConnectionAsync += OnConnectingAsync;
        _server.InterceptingPublishAsync += OnPublishingAsync;
        _server.InterceptingSubscriptionAsync += OnSubscribingAsync;
        _server.InterceptingUnsubscriptionAsync += e =>
        {
            if (policy.OwnerOf(e.ClientId) is { } owner && e.Topic == WireTopics.Ack(owner))
            {
                ackSessions.Remove(owner, e.ClientId, e.SessionItems);
            }

            return Task.CompletedTask;
        };
        _server.SessionDeletedAsync += e =>
        {
            if (policy.OwnerOf(e.Id) is { } owner)
            {
                ackSessions.Remove(owner, e.Id, e.SessionItems);
            }

            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            if (e.DisconnectType != MqttClientDisconnectType.Takeover)
            {
                _credentialOf.TryRemove(e.ClientId, out _);
            }

            return Task.CompletedTask;
        };
        _server.QueuedApplicationMessageOverwrittenAsync += e =>
        {
            // Stations keep unacknowledged batches and resend them, so a drop here delays data, not loses it.
            ingestCounters.BrokerQueueDrop();
            BrokerLog.QueueOverflow(logger, LogText.Escape(e.ReceiverClientId), broker.MaxPendingMessagesPerClient);
            return Task.CompletedTask;
        };

        try
        {
            await _server.StartAsync();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var port = _adapter.Port == 0 && certificate is not null ? $"Broker:Port {broker.Port} or Broker:TlsPort {broker.TlsPort}" : $"Broker:Port {broker.Port}";
            throw new InvalidOperationException(
                $"{port} is already in use by another program (another MQTT broker such as Mosquitto?). " +
                "Stop it, or set Broker:Port (environment variable Broker__Port) to a free port.", ex);
        }

        registry.CredentialsChanged += DisconnectStations;
        BrokerLog.Started(logger, _adapter.Port, certificate is null ? "" : $", TLS on port {_adapter.TlsPort}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.CredentialsChanged -= DisconnectStations;
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _rates?.Dispose();
    }

    private Task OnConnectingAsync(ValidatingConnectionEventArgs e)
    {
        var decision = policy.CheckConnect(e.ClientId, e.UserName, e.RawPassword, e.KeepAlivePeriod ?? 0);
        if (decision.Refusal is { } refusal)
        {
            e.ReasonCode = decision.Code;
            e.ReasonString = decision.Reason;

            // MQTTnet answers "client identifier not valid" to an MQTT 5 client that sent no id and was given none,
            // whatever the refusal: a placeholder keeps the real reason in the CONNACK.
            if (string.IsNullOrEmpty(e.ClientId))
            {
                e.AssignedClientIdentifier = "refused";
            }

            counters.Refuse(refusal);
            BrokerLog.ConnectionRefused(logger, e.RemoteEndPoint?.ToString(), LogText.Escape(e.UserName), refusal);
            return Task.CompletedTask;
        }

        if (decision.AssignedClientId is { } assigned)
        {
            e.AssignedClientIdentifier = assigned;
        }

        if (decision.Principal?.StationId is { } station)
        {
            _credentialOf[decision.AssignedClientId ?? e.ClientId] = registry.CredentialStamp(station);
        }

        _adapter?.Connected(e.RemoteEndPoint);
        return Task.CompletedTask;
    }

    private Task OnPublishingAsync(InterceptingPublishEventArgs e)
    {
        var principal = policy.PrincipalOf(e.UserName);
        var topic = e.ApplicationMessage.Topic;
        var refused = policy.CheckPublish(principal, topic);
        if (refused is null && principal.StationId is { } station && !_rates!.TryTake(station))
        {
            refused = (MqttPubAckReasonCode.QuotaExceeded, Refusal.RateExceeded, "message rate exceeded; send again later");
        }

        if (refused is { } r)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = r.Code;
            e.Response.ReasonString = r.Reason;
            counters.Refuse(r.Refusal);
            BrokerLog.OperationRefused(logger, r.Refusal, LogText.Escape(e.UserName), LogText.Escape(topic));
            return Task.CompletedTask;
        }

        if (!principal.IsIntake && BrokerAccessPolicy.IsRetainForbidden(topic))
        {
            // A station's readings go straight to the intake: no other client may subscribe to them, so routing them
            // through the broker's subscriptions (and a second MQTT connection) would only cost time. Never retained:
            // the message is not kept at all. The station's PUBACK follows once the message is queued; it keeps the
            // batch until the hub's acknowledgement of the commit.
            e.ProcessPublish = false;
            var message = e.ApplicationMessage;
            return readings.ReceiveAsync(topic, message.Payload, message.UserProperties, acknowledgeDelivery: null, e.CancellationToken).AsTask();
        }

        return Task.CompletedTask;
    }

    private Task OnSubscribingAsync(InterceptingSubscriptionEventArgs e)
    {
        var filter = e.TopicFilter.Topic;
        var principal = policy.PrincipalOf(e.UserName);
        if (policy.CheckSubscribe(principal, filter) is { } r)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = r.Code;
            e.ReasonString = r.Reason;
            counters.Refuse(r.Refusal);
            BrokerLog.OperationRefused(logger, r.Refusal, LogText.Escape(e.UserName), LogText.Escape(filter));
        }
        else if (principal.StationId is { } station && filter == WireTopics.Ack(station))
        {
            ackSessions.Add(station, e.Session);
        }

        return Task.CompletedTask;
    }

    /// <summary>The messages the broker retains, for diagnostics.</summary>
    internal async Task<IReadOnlyList<MQTTnet.MqttApplicationMessage>> RetainedMessagesAsync() =>
        _server is { IsStarted: true } server ? (await server.GetRetainedMessagesAsync()).ToList() : [];

    /// <summary>Closes the connections of stations whose secret changed or that were revoked.</summary>
    private void DisconnectStations(IReadOnlyCollection<string> stationIds) => _ = Task.Run(async () =>
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        foreach (var client in await server.GetClientsAsync())
        {
            // Only connections made with the old credential: a station that already logged in with its new
            // secret stays connected.
            if (policy.OwnerOf(client.Id) is { } owner && stationIds.Contains(owner) &&
                (!_credentialOf.TryGetValue(client.Id, out var stamp) || stamp != registry.CredentialStamp(owner)))
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
                BrokerLog.Disconnected(logger, client.Id);
            }
        }
    });

    private static X509Certificate2? LoadCertificate(BrokerOptions broker)
    {
        if (string.IsNullOrWhiteSpace(broker.TlsCertificatePath))
        {
            return null;
        }

        try
        {
            var path = broker.TlsCertificatePath;
            var certificate = Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, null)
                : X509Certificate2.CreateFromPemFile(path, broker.TlsKeyPath);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException(
                    $"Broker:TlsCertificatePath '{path}' holds no private key; give the key in the same PEM file or in Broker:TlsKeyPath.");
            }

            // Linux keeps an ephemeral key from PEM; SslStream needs it exportable as PKCS#12.
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Broker:TlsCertificatePath '{broker.TlsCertificatePath}' (key: '{broker.TlsKeyPath ?? "in the same file"}') cannot be loaded: {ex.Message}", ex);
        }
    }
}
