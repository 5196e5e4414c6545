using System.Text;
using Moci.Kit.Options;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.Kit.Publishing;

/// <summary>
/// One station's MQTT 5 connection to the hub (wire protocol v1): readings batches at QoS 1 with their
/// <c>seq</c> user property, a retained <c>online</c> status with a last will of <c>offline</c>, and the
/// hub's acknowledgements, which alone take batches out of the <see cref="Outbox"/>. Reconnects with
/// exponential back-off and jitter, and resends every unacknowledged batch on a new connection.
/// </summary>
public sealed class StationPublisher : IDisposable
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuotaPause = TimeSpan.FromMilliseconds(500);

    private readonly string? _secret;
    private readonly PublisherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _disposed;

    /// <param name="stationId">The station's id: its MQTT user name and client id.</param>
    /// <param name="secret">The secret the hub issued: its MQTT password.</param>
    /// <param name="options">Where the broker is and how to deal with it.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where connection problems are logged.</param>
    public StationPublisher(string stationId, string? secret, PublisherOptions options, TimeProvider time, ILogger logger)
    {
        StationId = stationId;
        _secret = secret;
        _options = options;
        _time = time;
        _logger = logger;
        Outbox = new Outbox(options.OutboxCapacity);
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public string StationId { get; }

    /// <summary>Batches waiting for the hub's acknowledgement.</summary>
    public Outbox Outbox { get; }

    /// <summary>Raised with the sequence number of each acknowledgement from the hub.</summary>
    public event Action<long>? Acknowledged;

    /// <summary>Puts readings into the outbox as one batch and wakes the sender.</summary>
    public OutboxBatch Enqueue(IReadOnlyList<Reading> readings)
    {
        var batch = Outbox.Add(StationPack.Encode(StationId, readings), readings.Count);
        _wake.Release();
        return batch;
    }

    /// <summary>Connects, sends and reconnects until <paramref name="cancellationToken"/> is cancelled, then says offline.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(FirstReconnectDelay, _options.MaxReconnectDelay);
        while (!cancellationToken.IsCancellationRequested && !_disposed)
        {
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Func<MqttClientDisconnectedEventArgs, Task> onDisconnected = _ =>
            {
                disconnected.TrySetResult();
                return Task.CompletedTask;
            };
            _client.DisconnectedAsync += onDisconnected;
            TimeSpan wait;
            try
            {
                await ConnectAsync(cancellationToken);
                var connectedAt = _time.GetTimestamp();
                await SendWhileConnectedAsync(disconnected.Task, cancellationToken);

                // Dropped: another client may have taken over this station's id, so do not rush back.
                wait = backoff.Ended(_time.GetElapsedTime(connectedAt));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException) when (_disposed)
            {
                break;
            }
            catch (Exception ex)
            {
                wait = backoff.Failed();
                StationLog.PublisherConnectFailed(_logger, ex, StationId, _options.Host, _options.Port, wait);
            }
            finally
            {
                _client.DisconnectedAsync -= onDisconnected;
            }

            try
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (!_disposed)
        {
            await GoOfflineAsync();
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithBrokerTls(_options)
            .WithClientId(StationId)
            .WithCredentials(StationId, _secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(WireTopics.Status(StationId))
            .WithWillPayload(WireProtocol.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.ConnectAsync(options, cancellationToken);

        var subscription = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(WireTopics.Ack(StationId)).WithAtLeastOnceQoS())
            .Build();
        await _client.SubscribeAsync(subscription, cancellationToken);
        await PublishStatusAsync(WireProtocol.Online, cancellationToken);
        Outbox.ResendAll();
        StationLog.PublisherConnected(_logger, StationId, _options.Host, _options.Port, Outbox.Depth);
    }

    private async Task SendWhileConnectedAsync(Task disconnected, CancellationToken cancellationToken)
    {
        while (!disconnected.IsCompleted)
        {
            foreach (var batch in Outbox.Due(_time.GetUtcNow(), _options.AckTimeout))
            {
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(WireTopics.Readings(StationId))
                    .WithPayload(batch.Payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithContentType(WireProtocol.SenMLContentType)
                    .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes(batch.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).AsMemory())
                    .Build();
                // Stamped before the publish: the hub may receive and acknowledge the batch before PublishAsync
                // returns, and the ack timeout must count from the moment the batch left, not after.
                batch.SentAt = _time.GetUtcNow();
                var result = await _client.PublishAsync(message, cancellationToken);
                if (result.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded)
                {
                    // Over the hub's message rate: the batch waits for the next round instead of dropping the connection.
                    batch.SentAt = null;
                    await Task.Delay(QuotaPause, _time, cancellationToken);
                    break;
                }

                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"the broker refused batch {batch.Sequence}: {result.ReasonCode} {result.ReasonString}");
                }
            }

            await Task.WhenAny(_wake.WaitAsync(IdleCheck, cancellationToken), disconnected);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Publishes a health report, retained at QoS 1, on the station's health topic if the station is connected now.
    /// A report is a snapshot that the next one replaces, so it is not queued while the station is offline.
    /// </summary>
    /// <param name="json">The report, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Ends the wait for the broker's PUBACK.</param>
    /// <returns>True when the broker took it; false when not connected or the broker refused it.</returns>
    public async Task<bool> PublishHealthAsync(byte[] json, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Health(StationId))
            .WithPayload(json)
            .WithContentType("application/json")
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            return (await _client.PublishAsync(message, cancellationToken)).IsSuccess;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The connection dropped meanwhile; the next report goes out after the reconnect.
            return false;
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (e.ApplicationMessage.Topic == WireTopics.Ack(StationId) && BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack))
        {
            foreach (var sequence in ack.Sequences)
            {
                Outbox.Acknowledge(sequence);
                Acknowledged?.Invoke(sequence);
            }

            _wake.Release();
        }

        return Task.CompletedTask;
    }

    private async Task PublishStatusAsync(string status, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Status(StationId))
            .WithPayload(Encoding.UTF8.GetBytes(status))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, cancellationToken);
    }

    /// <summary>A clean disconnect does not fire the last will, so the station says offline itself.</summary>
    private async Task GoOfflineAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await PublishStatusAsync(WireProtocol.Offline, timeout.Token);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker is gone too; the last will reports the station offline.
        }
    }

    /// <summary>Drops the connection at once, without a goodbye (the broker then sends the last will), and ends <see cref="RunAsync"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _client.Dispose();
        _wake.Dispose();
    }
}
