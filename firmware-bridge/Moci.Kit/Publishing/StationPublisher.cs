using System.Globalization;
using System.Text;
using Moci.Kit.Options;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.Kit.Publishing;

/// <summary>
/// One station's MQTT 5 connection to the hub (wire protocol v1). Readings go into the station's
/// <see cref="Outbox"/> on disk first; the sender forms batches from the oldest of them and publishes them at
/// QoS 1 with their <c>seq</c> user property, several at once (up to <see cref="PublisherOptions.MaxBatchesInFlight"/>),
/// and only the hub's acknowledgement takes a batch's readings out of the outbox. A batch not acknowledged within
/// <see cref="PublisherOptions.AckTimeout"/>, or in flight when the connection drops, is sent again. Connects with a
/// retained <c>online</c> status and a last will of <c>offline</c>; reconnects with exponential back-off and jitter;
/// pauses when the hub says its quota is exceeded (MQTT 5 reason 0x97).
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
    private readonly WakeSignal _wake = new();
    private TaskCompletionSource _nextConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _nextDrain = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once a connection is set up (after <see cref="_nextConnection"/> is completed for it), cleared when it ends.</summary>
    private volatile bool _online;
    private volatile bool _disposed;

    /// <summary>Opens (or creates) the station's outbox in <paramref name="outbox"/>'s folder; call <see cref="RunAsync"/> to send.</summary>
    /// <param name="stationId">The station's id: its MQTT user name and client id, and part of its outbox's file name.</param>
    /// <param name="secret">The secret the hub issued: its MQTT password.</param>
    /// <param name="options">Where the broker is and how to send to it.</param>
    /// <param name="outbox">Where the outbox file is and how much disk it may take.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where connection problems are logged.</param>
    /// <exception cref="ArgumentException">The station id is not valid, or the quota is too small.</exception>
    /// <exception cref="InvalidOperationException">The outbox file cannot be opened or belongs to another station.</exception>
    public StationPublisher(string stationId, string? secret, PublisherOptions options, OutboxOptions outbox, TimeProvider time, ILogger logger)
    {
        if (Telemetry.Protocol.StationId.Explain(stationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stationId));
        }

        StationId = stationId;
        _secret = secret;
        _options = options;
        _time = time;
        _logger = logger;
        Outbox = new Outbox(outbox.PathOf(stationId), stationId, outbox.QuotaBytes, time);
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>The station's id.</summary>
    public string StationId { get; }

    /// <summary>The readings waiting for the hub's acknowledgement, on disk; <see cref="Outbox.Statistics"/> for the health report.</summary>
    public Outbox Outbox { get; }

    /// <summary>
    /// Raised with the sequence number of each acknowledgement from the hub, after the batch's readings (if it was one
    /// of this run's batches in flight) have left the outbox. Raised on the MQTT client's thread.
    /// </summary>
    public event Action<long>? Acknowledged;

    /// <summary>
    /// Completes when the station is next connected (subscribed to its acknowledgements and said <c>online</c>), not
    /// at once if it is connected now. Taken before a <see cref="PublishHealthAsync"/> that finds the station
    /// offline, it completes when that publish can be tried again, even if the connection comes in between; taken
    /// after one that succeeded, it completes only at a later connection. Never faults; it stays pending once the
    /// publisher is stopped.
    /// </summary>
    public Task NextConnection() => Volatile.Read(ref _nextConnection).Task;

    /// <summary>
    /// Completes at the next acknowledgement from the hub that leaves the outbox empty. For the health report, which
    /// goes out again once a backlog is delivered. Never faults; it stays pending once the publisher is stopped.
    /// </summary>
    public Task NextDrain() => Volatile.Read(ref _nextDrain).Task;

    /// <summary>
    /// Takes readings: stores them in the outbox (on disk when this returns) and wakes the sender. Never waits for
    /// the network, only for the disk.
    /// </summary>
    /// <exception cref="ArgumentException">Some readings cannot be sent (see <see cref="Outbox.Add"/>); the others are stored.</exception>
    /// <exception cref="InvalidOperationException">The disk refused the write.</exception>
    public void Enqueue(IReadOnlyList<Reading> readings)
    {
        try
        {
            Outbox.Add(readings);
        }
        finally
        {
            _wake.Set();
        }
    }

    /// <summary>Connects, sends and reconnects until <paramref name="cancellationToken"/> is cancelled, then says offline.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A tick of the station's clock wakes the sender, so that a batch waiting past its ack time-out is sent again.
        using var tick = _time.CreateTimer(_ => _wake.Set(), null, IdleCheck, IdleCheck);

        // A stop wakes the sender at once, not at the next tick (which a test's fake clock may never give).
        using var stopping = cancellationToken.Register(_wake.Set);
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
                _online = false;
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
        var connected = await _client.ConnectAsync(options, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            // MQTTnet returns a refusal (a wrong secret, an unregistered id) instead of throwing; say which it was.
            throw new InvalidOperationException($"the broker refused station {StationId}: {connected.ResultCode} {connected.ReasonString}".TrimEnd());
        }

        var subscription = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(WireTopics.Ack(StationId)).WithAtLeastOnceQoS())
            .Build();
        await _client.SubscribeAsync(subscription, cancellationToken);
        await PublishStatusAsync(WireProtocol.Online, cancellationToken);
        Outbox.ResendAll();
        StationLog.PublisherConnected(_logger, StationId, _options.Host, _options.Port, Outbox.ReadingsWaiting);
        Interlocked.Exchange(ref _nextConnection, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        // Only now: a health report that goes out on this connection was made after its NextConnection() completed.
        _online = true;
    }

    /// <summary>
    /// Sends until the connection drops: batches in flight that are due again, then new batches from the outbox
    /// while the window has room. Publishes run side by side; MQTTnet queues them in the order they were started,
    /// so batches leave oldest first. Wakes on new readings, acknowledgements, PUBACKs and the clock's tick.
    /// </summary>
    private async Task SendWhileConnectedAsync(Task disconnected, CancellationToken cancellationToken)
    {
        var publishing = new List<(Task<MqttClientPublishResult> Task, OutboxBatch Batch)>();
        try
        {
            while (true)
            {
                // Taken before looking at the outbox: whatever happens from here on wakes the wait below.
                var wake = _wake.Next();
                if (disconnected.IsCompleted)
                {
                    return;
                }

                var quotaExceeded = false;
                for (var i = publishing.Count - 1; i >= 0; i--)
                {
                    var (task, batch) = publishing[i];
                    if (!task.IsCompleted)
                    {
                        continue;
                    }

                    publishing.RemoveAt(i);
                    var result = await task;
                    if (result.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded)
                    {
                        // Over the hub's message rate: the batch waits for the next round instead of dropping the connection.
                        batch.SentAt = null;
                        quotaExceeded = true;
                    }
                    else if (!result.IsSuccess)
                    {
                        throw new InvalidOperationException($"the broker refused batch {batch.Sequence}: {result.ReasonCode} {result.ReasonString}");
                    }
                }

                if (quotaExceeded)
                {
                    await Task.Delay(QuotaPause, _time, cancellationToken);
                    continue;
                }

                var now = _time.GetUtcNow();
                foreach (var batch in Outbox.Due(now, _options.AckTimeout))
                {
                    if (!publishing.Exists(p => p.Batch == batch))
                    {
                        publishing.Add((Publish(batch, now, cancellationToken), batch));
                    }
                }

                while (Outbox.BatchesInFlight < _options.MaxBatchesInFlight && Outbox.NextBatch(_options.MaxBatchReadings, _options.MaxBatchBytes) is { } next)
                {
                    publishing.Add((Publish(next, now, cancellationToken), next));
                }

                await Task.WhenAny([wake, disconnected, .. publishing.Select(p => p.Task)]);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            // Publishes still waiting for their PUBACK fail with the connection; nobody awaits them any more.
            foreach (var (task, _) in publishing)
            {
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    private Task<MqttClientPublishResult> Publish(OutboxBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Readings(StationId))
            .WithPayload(batch.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType(WireProtocol.SenMLContentType)
            .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes(batch.Sequence.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .Build();

        // Stamped before the publish: the hub may receive and acknowledge the batch before the PUBACK comes back,
        // and the ack time-out counts from the moment the batch left.
        batch.SentAt = now;
        return _client.PublishAsync(message, cancellationToken);
    }

    /// <summary>
    /// Publishes a health report, retained at QoS 1, on the station's health topic if the station is connected now
    /// (subscribed and said <c>online</c>).
    /// A report is a snapshot that the next one replaces, so it is not queued while the station is offline.
    /// </summary>
    /// <param name="json">The report, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Ends the wait for the broker's PUBACK.</param>
    /// <returns>True when the broker took it; false when not connected or the broker refused it.</returns>
    public async Task<bool> PublishHealthAsync(byte[] json, CancellationToken cancellationToken)
    {
        if (!_online || !_client.IsConnected)
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
            Outbox.Acknowledge(ack.Sequences);
            if (Outbox.ReadingsWaiting == 0)
            {
                Interlocked.Exchange(ref _nextDrain, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            foreach (var sequence in ack.Sequences)
            {
                Acknowledged?.Invoke(sequence);
            }

            // A slot of the window is free.
            _wake.Set();
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

    /// <summary>
    /// Drops the connection at once, without a goodbye (the broker then sends the last will), ends
    /// <see cref="RunAsync"/> and closes the outbox; what it holds stays on disk for the next start.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _client.Dispose();
        Outbox.Dispose();
    }
}
