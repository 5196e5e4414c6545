using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Moci.Kit.Tests.Publishing;

/// <summary>The publisher against a real MQTTnet broker on a free port, which records what it receives.</summary>
public sealed class StationPublisherTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private int _port;
    private MqttServer _broker = null!;
    private ConcurrentQueue<MqttApplicationMessage> _received = null!;
    private CancellationTokenSource _stop = null!;

    [SetUp]
    public async Task StartBroker()
    {
        _port = FreePort.Next();
        _received = new ConcurrentQueue<MqttApplicationMessage>();
        _broker = await StartBrokerAsync(_port, _received);
        _stop = new CancellationTokenSource();
    }

    [TearDown]
    public async Task StopBroker()
    {
        _stop.Cancel();
        _stop.Dispose();
        await _broker.StopAsync(new MqttServerStopOptions());
        _broker.Dispose();
    }

    private static async Task<MqttServer> StartBrokerAsync(int port, ConcurrentQueue<MqttApplicationMessage> received)
    {
        var broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port).Build());
        broker.InterceptingPublishAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await broker.StartAsync();
        return broker;
    }

    private StationPublisher Start(TimeProvider? time = null, TimeSpan? ackTimeout = null)
    {
        var options = new PublisherOptions { Port = _port, AckTimeout = ackTimeout ?? TimeSpan.FromSeconds(30), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        var publisher = new StationPublisher(Station, "station-secret", options, time ?? TimeProvider.System, NullLogger.Instance);
        _ = publisher.RunAsync(_stop.Token);
        return publisher;
    }

    private static Reading[] Sample(int minute) =>
    [
        new(Station, "pm2_5", T0.AddMinutes(minute), 12 + minute),
        new(Station, "temperature", T0.AddMinutes(minute), 9.5),
    ];

    private async Task<List<MqttApplicationMessage>> WaitForReadings(int count)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var readings = _received.Where(m => m.Topic == WireTopics.Readings(Station)).ToList();
            if (readings.Count >= count)
            {
                return readings;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private Task AckAsync(long sequence) => _broker.InjectApplicationMessage(
        new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Ack(Station))
            .WithPayload(new BatchAck(sequence).ToJson())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()));

    private static string Sequence(MqttApplicationMessage message) =>
        message.UserProperties.Single(p => p.Name == WireProtocol.SequenceProperty).ReadValueAsString();

    [Test]
    public async Task Enqueue_PublishesSenMLAtQos1WithTheSeqUserProperty()
    {
        using var publisher = Start();

        publisher.Enqueue(Sample(0));
        publisher.Enqueue(Sample(1));
        var messages = await WaitForReadings(2);

        Assert.That(messages.Select(Sequence), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(messages.Select(m => m.QualityOfServiceLevel), Is.All.EqualTo(MqttQualityOfServiceLevel.AtLeastOnce));
        Assert.That(messages[0].ContentType, Is.EqualTo("application/senml+json"));
        Assert.That(SenMLDecoder.TryDecode(messages[1].Payload, T0, out var records, out var error), Is.True, error);
        var contents = StationPack.Read(Station, records, T0);
        Assert.That(contents.Readings, Is.EqualTo(Sample(1)));
    }

    [Test]
    public async Task Connect_PublishesRetainedOnline()
    {
        using var publisher = Start();

        var status = await PollRetained(WireTopics.Status(Station), WireProtocol.Online);

        Assert.That(status, Is.EqualTo("online"));
    }

    [Test]
    public async Task LostConnection_LastWillLeavesRetainedOffline()
    {
        var publisher = Start();
        await PollRetained(WireTopics.Status(Station), WireProtocol.Online);

        publisher.Dispose(); // closes the socket without DISCONNECT, as a power cut would

        Assert.That(await PollRetained(WireTopics.Status(Station), WireProtocol.Offline), Is.EqualTo("offline"));
    }

    [Test]
    public async Task Ack_RemovesThatBatchFromTheOutbox()
    {
        using var publisher = Start();
        var acknowledged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Acknowledged += seq => acknowledged.TrySetResult(seq);
        for (var i = 0; i < 3; i++)
        {
            publisher.Enqueue(Sample(i));
        }

        await WaitForReadings(3);
        await AckAsync(2);

        Assert.That(await acknowledged.Task.WaitAsync(Timeout), Is.EqualTo(2));
        Assert.That(publisher.Outbox.Due(DateTimeOffset.MaxValue, TimeSpan.Zero).Select(b => b.Sequence), Is.EqualTo(new[] { 1L, 3 }));
    }

    [Test]
    public async Task NoAckWithinTheTimeout_TheBatchIsSentAgain()
    {
        var time = new FakeTimeProvider(T0);
        using var publisher = Start(time, ackTimeout: TimeSpan.FromSeconds(30));
        publisher.Enqueue(Sample(0));
        await WaitForReadings(1);

        time.Advance(TimeSpan.FromSeconds(31));
        var messages = await WaitForReadings(2);

        Assert.That(messages.Select(Sequence), Is.EqualTo(new[] { "1", "1" }));
    }

    [Test]
    public async Task BrokerRestart_ReconnectsAndResendsWhatWasNotAcknowledged()
    {
        using var publisher = Start();
        publisher.Enqueue(Sample(0));
        await WaitForReadings(1);

        await _broker.StopAsync(new MqttServerStopOptions());
        _broker.Dispose();
        _received.Clear();
        _broker = await StartBrokerAsync(_port, _received);
        publisher.Enqueue(Sample(1));
        var messages = await WaitForReadings(2);

        Assert.That(messages.Select(Sequence), Is.EquivalentTo(new[] { "1", "2" }));
    }

    private async Task<string> PollRetained(string topic, string expected)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await _broker.GetRetainedMessageAsync(topic);
            if (message is not null && Encoding.UTF8.GetString(message.Payload) == expected)
            {
                return expected;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
