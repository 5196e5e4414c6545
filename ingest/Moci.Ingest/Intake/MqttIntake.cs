using System.Text;
using Microsoft.Extensions.Options;
using Moci.Ingest.Broker;
using Moci.Ingest.Health;
using Moci.Ingest.Options;
using Moci.Telemetry.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Moci.Ingest.Intake;

/// <summary>
/// The ingest's MQTT client: subscribes to every station's status and health, and, on an external broker, to their
/// readings, which it hands to the <see cref="ReadingsReceiver"/>; publishes the acknowledgements the
/// <see cref="BatchWriter"/> asks for. Reconnects with exponential back-off until the host stops. The handler only
/// decodes and validates; it never touches the reading store (a station's health report, a few an hour, is kept by
/// <see cref="HealthIntake"/>). Readings messages are acknowledged to the external broker (PUBACK) only after they
/// are committed, so the broker keeps, and redelivers, whatever a crashed ingest had not stored. The embedded broker
/// runs in this process and hands readings to the receiver itself, without a second trip over MQTT: it lives and dies
/// with the ingest, so its queue could never outlive a crash, and the station keeps every batch until the hub
/// acknowledges it.
/// </summary>
public sealed class MqttIntake(
    IOptions<BrokerOptions> options,
    IntakeCredential credential,
    ReadingsReceiver readings,
    IntakeQueue queue,
    IngestCounters counters,
    StationPresence presence,
    HealthIntake health,
    AckSessions ackSessions,
    TimeProvider time,
    ILogger<MqttIntake> logger) : BackgroundService
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(250);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ackFailures;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Completes once the intake has subscribed for the first time.</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>The topic filter for readings: plain, or a shared subscription in scaled-out mode.</summary>
    public string ReadingsFilter => options.Value.SharedSubscriptionGroup is { } group
        ? WireTopics.SharedReadings(group)
        : WireTopics.AllReadings;

    /// <summary>
    /// Sends the acknowledgement of <paramref name="sequences"/> (one message, see <see cref="BatchAck"/>) on the
    /// station's ack topic: into the station's session on the embedded broker (<see cref="AckSessions"/>), else
    /// published over MQTT; false when neither is possible or the broker refused it.
    /// </summary>
    public async Task<bool> PublishAckAsync(string stationId, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        var sequence = sequences[0];
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Ack(stationId))
            .WithPayload(new BatchAck(sequences).ToJson())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();

        // On the embedded broker, straight into the station's session.
        if (ackSessions.TryDeliver(stationId, message))
        {
            Interlocked.Exchange(ref _ackFailures, 0);
            counters.AckPublished();
            return true;
        }

        if (!_client.IsConnected)
        {
            AckFailed(null, stationId, sequence);
            return false;
        }

        try
        {
            var result = await _client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess)
            {
                AckFailed(null, stationId, sequence);
                return false;
            }

            Interlocked.Exchange(ref _ackFailures, 0);
            counters.AckPublished();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AckFailed(ex, stationId, sequence);
            return false;
        }
    }

    /// <summary>
    /// Logs the first failed acknowledgement after a success (with its cause) and then only every thousandth, so
    /// that a broker outage gives a few lines, not one per station and commit. The stations resend regardless.
    /// </summary>
    private void AckFailed(Exception? exception, string stationId, long sequence)
    {
        var failures = Interlocked.Increment(ref _ackFailures);
        if (failures == 1 || failures % 1000 == 0)
        {
            logger.AckFailed(exception is MQTTnet.Exceptions.MqttCommunicationException ? null : exception, stationId, sequence, failures);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = options.Value;
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var backoff = new ReconnectBackoff(FirstReconnectDelay, broker.MaxReconnectDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            var disconnected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Func<MqttClientDisconnectedEventArgs, Task> onDisconnected = e =>
            {
                // After a broken connection MQTTnet reports "normal disconnection" as the reason; the exception says what happened.
                disconnected.TrySetResult(e.Exception?.Message ?? e.ReasonString ?? e.Reason.ToString());
                return Task.CompletedTask;
            };
            _client.DisconnectedAsync += onDisconnected;
            TimeSpan wait;
            try
            {
                await _client.ConnectAsync(ClientOptions(broker), stoppingToken);
                var connectedAt = time.GetTimestamp();
                // Retained readings are never replayed to the intake (a broker that keeps one would otherwise
                // deliver it again at every reconnect); status and health are, as they are state. The embedded broker
                // hands readings over as they are published (EmbeddedBroker), so there the intake subscribes to
                // status and health only.
                var subscriptionBuilder = new MqttClientFactory().CreateSubscribeOptionsBuilder();
                if (!broker.Embedded)
                {
                    subscriptionBuilder.WithTopicFilter(f => f.WithTopic(ReadingsFilter).WithAtLeastOnceQoS().WithRetainHandling(MqttRetainHandling.DoNotSendOnSubscribe));
                }

                var subscription = subscriptionBuilder
                    .WithTopicFilter(f => f.WithTopic(WireTopics.AllStatus).WithAtLeastOnceQoS())
                    .WithTopicFilter(f => f.WithTopic(WireTopics.AllHealth).WithAtLeastOnceQoS())
                    .Build();
                var subscribed = await _client.SubscribeAsync(subscription, stoppingToken);
                if (subscribed.Items.FirstOrDefault(i => (int)i.ResultCode >= 0x80) is { } refused)
                {
                    throw new InvalidOperationException($"the broker refused the subscription to {refused.TopicFilter.Topic}: {refused.ResultCode}");
                }

                logger.IntakeConnected(broker.Host, broker.Port, broker.Embedded ? "status and health (the embedded broker hands readings over directly)" : ReadingsFilter);
                _subscribed.TrySetResult();

                var reason = await disconnected.Task.WaitAsync(stoppingToken);
                wait = backoff.Ended(time.GetElapsedTime(connectedAt));
                logger.IntakeDisconnected(reason, wait);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                wait = backoff.Failed();
                logger.IntakeConnectFailed(ex, broker.Host, broker.Port, wait);
            }
            finally
            {
                _client.DisconnectedAsync -= onDisconnected;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }
    }

    private MqttClientOptions ClientOptions(BrokerOptions broker)
    {
        // A persistent session keeps QoS 1 messages queued at the broker while the intake reconnects. Not so for a
        // member of a shared subscription: Mosquitto 2.0 goes on handing a member whose connection is gone, but whose
        // session lives, its turn of the group's messages, and never passes them on to another member (MQTT 5.0
        // section 4.8.2 allows both), so they would wait for that one ingest to come back. The session ends with the
        // connection instead: the other members take every new message, and what the lost one had not acknowledged
        // the stations send again, since its acknowledgement never comes.
        var shared = broker.SharedSubscriptionGroup is not null;
        var clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(broker.ClientId)
            .WithCredentials(credential.Username, credential.Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(shared)
            .WithSessionExpiryInterval(shared ? 0u : 24 * 60 * 60)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

        // An 8 KiB socket buffer makes a busy subscriber crawl and brokers then drop QoS 1 messages (FACTS.md gotcha 1).
        ((MqttClientTcpOptions)clientOptions.ChannelOptions).BufferSize = 1 << 20;
        return clientOptions;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var receivedAt = time.GetUtcNow();
        if (WireTopics.TryParse(message.Topic, out var stationId, out var kind) && kind is TopicKind.Status or TopicKind.Health)
        {
            if (kind == TopicKind.Status)
            {
                presence.Set(stationId, Encoding.UTF8.GetString(message.Payload) == WireProtocol.Online, receivedAt);
                return;
            }

            // A few reports per station an hour: kept here with one small upsert. A bad one is dead-lettered through
            // the queue like a bad pack, and acknowledged once that is committed.
            if (await health.ReceiveAsync(stationId, message.Topic, message.Payload, receivedAt) is { DeadLetters: [var letter] } rejected)
            {
                e.AutoAcknowledge = false;
                logger.DeadLettered(1, letter.Topic, ReadingsReceiver.Shorten(letter.Reason));
                await queue.Writer.WriteAsync(rejected with { AcknowledgeDelivery = e.AcknowledgeAsync });
            }

            return;
        }

        if (message.Retain)
        {
            // A retained copy of a reading replayed by a broker that kept it: the original was delivered live.
            // (MQTT 5 sets the retain flag only on such replays when Retain As Published is off.)
            counters.MessageReceived();
            return;
        }

        // The PUBACK waits until the batch writer has committed the message (see IntakeItem).
        e.AutoAcknowledge = false;
        await readings.ReceiveAsync(message.Topic, message.Payload, message.UserProperties, e.AcknowledgeAsync, CancellationToken.None);
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }
}
