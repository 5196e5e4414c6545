using System.Globalization;
using System.Text;
using Moci.Telemetry.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.Benchmarks;

/// <summary>
/// One station as the benchmarks drive it: logs in with its secret and publishes pre-encoded packs at QoS 1
/// with their <c>seq</c>, keeping at most <c>window</c> in flight. What "in flight" ends with is the caller's
/// choice: the broker's PUBACK (raw broker rate) or the hub's acknowledgement (full path).
/// </summary>
internal sealed class BenchStation(string id, string secret, int port) : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public string Id => id;

    /// <summary>Raised with each sequence number the hub acknowledges.</summary>
    public event Action<long>? Acknowledged;

    public async Task ConnectAsync()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack))
            {
                foreach (var sequence in ack.Sequences)
                {
                    Acknowledged?.Invoke(sequence);
                }
            }

            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(id)
            .WithCredentials(id, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        ((MqttClientTcpOptions)options.ChannelOptions).BufferSize = 1 << 20;
        await _client.ConnectAsync(options);
        await _client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(WireTopics.Ack(id)).WithAtLeastOnceQoS())
            .Build());
    }

    /// <summary>Publishes every payload in order, with at most <paramref name="window"/> not yet released.</summary>
    /// <param name="payloads">Packs, sent with seq 1, 2, …</param>
    /// <param name="window">Most batches in flight.</param>
    /// <param name="releasedByHubAck">True: a batch leaves the window when the hub acknowledges it; false: at the broker's PUBACK.</param>
    public async Task PublishAllAsync(IReadOnlyList<byte[]> payloads, int window, bool releasedByHubAck)
    {
        using var slots = new SemaphoreSlim(window, window);
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outstanding = payloads.Count;
        var seen = new bool[payloads.Count + 1];
        if (releasedByHubAck)
        {
            Acknowledged += sequence =>
            {
                lock (seen)
                {
                    if (sequence < 1 || sequence > payloads.Count || seen[sequence])
                    {
                        return;
                    }

                    seen[sequence] = true;
                }

                slots.Release();
                if (Interlocked.Decrement(ref outstanding) == 0)
                {
                    acked.TrySetResult();
                }
            };
        }

        var publishes = new List<Task>(payloads.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            await slots.WaitAsync();
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(WireTopics.Readings(id))
                .WithPayload(payloads[i])
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes((i + 1).ToString(CultureInfo.InvariantCulture)).AsMemory())
                .Build();
            var publish = _client.PublishAsync(message);
            publishes.Add(releasedByHubAck ? publish : publish.ContinueWith(_ => slots.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(publishes);
        if (releasedByHubAck)
        {
            await acked.Task;
        }
    }

    public void Dispose() => _client.Dispose();
}
