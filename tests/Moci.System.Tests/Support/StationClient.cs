using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Moci.Kit.Simulation;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.SystemTests.Support;

/// <summary>
/// A bare MQTT 5 client logged in as a station, for trying what a broker lets it do: it publishes simulated
/// readings with a <c>seq</c>, and keeps every message it receives, in order.
/// </summary>
public sealed class StationClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, string Payload)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StationClient(string stationId)
    {
        StationId = stationId;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            _arrived.Release();
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += _ =>
        {
            _disconnected.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public string StationId { get; }

    /// <summary>Completes when the connection is closed, by either side.</summary>
    public Task Disconnected => _disconnected.Task;

    /// <summary>Every message received so far: topic and payload.</summary>
    public IReadOnlyList<(string Topic, string Payload)> Received => [.. _received];

    /// <summary>Tries to log in; the broker's answer.</summary>
    public static async Task<MqttClientConnectResultCode> TryConnectAsync(int port, string? username, string? password)
    {
        using var client = new StationClient(username ?? "anonymous");
        try
        {
            return (await client._client.ConnectAsync(Options(port, username ?? "", username, password))).ResultCode;
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException)
        {
            // Refused without a reason code the client could read.
            return MqttClientConnectResultCode.UnspecifiedError;
        }
    }

    /// <summary>Logs in as <paramref name="stationId"/> and subscribes to <paramref name="filter"/>.</summary>
    public static async Task<StationClient> ConnectAsync(int port, string stationId, string secret, string filter)
    {
        var station = new StationClient(stationId);
        try
        {
            await station._client.ConnectAsync(Options(port, stationId, stationId, secret));
            await station._client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
            return station;
        }
        catch
        {
            station.Dispose();
            throw;
        }
    }

    /// <summary>Publishes one simulated sample of <paramref name="owner"/> taken at <paramref name="at"/> on <paramref name="topic"/> (QoS 1).</summary>
    public async Task<MqttClientPublishResult> PublishReadingsAsync(string topic, string owner, StationKind kind, DateTimeOffset at, long sequence)
    {
        var readings = new StationSimulator(3).Sample(owner, kind, at);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(StationPack.Encode(owner, readings))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .Build();
        return await _client.PublishAsync(message);
    }

    /// <summary>Waits for a message on <paramref name="topic"/> and returns its payload.</summary>
    public async Task<string> WaitForAsync(string topic)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (_received.FirstOrDefault(m => m.Topic == topic) is { Topic: not null } message)
            {
                return message.Payload;
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{StationId} received nothing on {topic} within {Timeout}; it received: {string.Join(", ", _received.Select(m => m.Topic))}");
            }
        }
    }

    private static MqttClientOptions Options(int port, string clientId, string? username, string? password)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(Timeout);
        return (username is null ? builder : builder.WithCredentials(username, password)).Build();
    }

    public void Dispose()
    {
        _client.Dispose();
        _arrived.Dispose();
    }
}
