using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Moci.Kit.Tests.Support;

/// <summary>
/// A real MQTTnet broker on a free port standing in for the hub: it records every readings batch a station
/// publishes (its <c>seq</c> and readings, in arrival order) and, when <see cref="AcknowledgeOnReceipt"/> is set,
/// acknowledges each at once on the station's ack topic, as the hub does after its commit. Waiting is driven by
/// the arrivals. Thread-safe.
/// </summary>
internal sealed class TestHub : IAsyncDisposable
{
    // Times are checked by the stations' own tests, not here: any time decodes.
    private static readonly TimeRules AnyTime = new(TimeSpan.FromDays(36_500), TimeSpan.FromDays(36_500));

    private readonly Lock _lock = new();
    private readonly List<ReceivedBatch> _batches = [];
    private readonly List<MqttApplicationMessage> _messages = [];
    private MqttServer _server;
    private bool _stopped;
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestHub(int port, MqttServer server)
    {
        Port = port;
        _server = server;
    }

    /// <summary>The broker's port.</summary>
    public int Port { get; }

    /// <summary>Acknowledge each readings batch as it arrives (as a hub that commits at once).</summary>
    public bool AcknowledgeOnReceipt { get; set; }

    /// <summary>Answer each readings publish with this PUBACK reason instead of taking it, while set.</summary>
    public MqttPubAckReasonCode? Refuse { get; set; }

    /// <summary>The readings batches received so far, in arrival order (copies included).</summary>
    public IReadOnlyList<ReceivedBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Every message received so far (status included), in arrival order.</summary>
    public IReadOnlyList<MqttApplicationMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<TestHub> StartAsync(int? port = null)
    {
        var chosen = port ?? FreePort.Next();
        var hub = new TestHub(chosen, null!);
        hub._server = await hub.StartServerAsync();
        return hub;
    }

    private async Task<MqttServer> StartServerAsync()
    {
        var server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(Port).Build());
        server.InterceptingPublishAsync += OnPublishAsync;
        await server.StartAsync();
        return server;
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!WireTopics.TryParse(message.Topic, out var station, out var kind) || kind != TopicKind.Readings)
        {
            Record(message, null);
            return Task.CompletedTask;
        }

        if (Refuse is { } refusal)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = refusal;
            Record(message, null);
            return Task.CompletedTask;
        }

        var sequence = long.Parse(message.UserProperties.Single(p => p.Name == WireProtocol.SequenceProperty).ReadValueAsString(), System.Globalization.CultureInfo.InvariantCulture);
        string? problem = null;
        IReadOnlyList<Reading> readings = [];
        if (!SenMLDecoder.TryDecode(message.Payload, DateTimeOffset.UtcNow, out var records, out var error))
        {
            problem = $"not valid SenML: {error}";
        }
        else
        {
            var contents = StationPack.Read(station, null, records, DateTimeOffset.UtcNow, AnyTime);
            readings = contents.Readings;
            problem = contents.Rejected is [var first, ..] ? $"holds records the hub would refuse: {first.Reason}" : null;
        }

        Record(message, new ReceivedBatch(station, sequence, readings, message, problem));
        if (AcknowledgeOnReceipt)
        {
            // Not awaited here: the broker delivers the ack while it finishes this publish.
            _ = Task.Run(() => AckAsync(station, sequence));
        }

        return Task.CompletedTask;
    }

    private void Record(MqttApplicationMessage message, ReceivedBatch? batch)
    {
        lock (_lock)
        {
            _messages.Add(message);
            if (batch is not null)
            {
                _batches.Add(batch);
            }
        }

        Interlocked.Exchange(ref _arrival, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Publishes the hub's acknowledgement of <paramref name="sequences"/> to the station.</summary>
    public Task AckAsync(string station, params long[] sequences) => _server.InjectApplicationMessage(
        new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Ack(station))
            .WithPayload(new BatchAck(sequences).ToJson())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()));

    /// <summary>Waits, arrival by arrival, until <paramref name="done"/> holds for the batches received; returns them.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>; the message says what had arrived.</exception>
    public Task<IReadOnlyList<ReceivedBatch>> WaitForBatchesAsync(Func<IReadOnlyList<ReceivedBatch>, bool> done, TimeSpan timeout) =>
        WaitAsync(() => Batches, done, timeout, batches => $"{batches.Count} batches: seq {string.Join(", ", batches.Select(b => b.Sequence))}");

    /// <summary>Waits until at least <paramref name="count"/> readings batches have arrived; returns them.</summary>
    public Task<IReadOnlyList<ReceivedBatch>> WaitForBatchesAsync(int count, TimeSpan timeout) => WaitForBatchesAsync(b => b.Count >= count, timeout);

    /// <summary>Waits, arrival by arrival, until <paramref name="done"/> holds for the messages received; returns them.</summary>
    public Task<IReadOnlyList<MqttApplicationMessage>> WaitForMessagesAsync(Func<IReadOnlyList<MqttApplicationMessage>, bool> done, TimeSpan timeout) =>
        WaitAsync(() => Messages, done, timeout, messages => $"{messages.Count} messages on {string.Join(", ", messages.Select(m => m.Topic).Distinct())}");

    private async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = Volatile.Read(ref _arrival).Task;
            var state = read();
            if (done(state))
            {
                return state;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"not reached within {timeout}; received {describe(read())}");
            }
        }
    }

    /// <summary>The retained message on <paramref name="topic"/> as text, or null.</summary>
    public async Task<string?> RetainedAsync(string topic)
    {
        var message = await _server.GetRetainedMessageAsync(topic);
        return message?.ConvertPayloadToString();
    }

    /// <summary>Stops the broker, as a hub that goes away; its clients lose their connection.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _server.StopAsync(new MqttServerStopOptions());
        _server.Dispose();
    }

    /// <summary>Starts the broker again on the same port, with nothing retained and the batches received so far kept.</summary>
    public async Task RestartAsync()
    {
        _server = await StartServerAsync();
        _stopped = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }
    }
}
