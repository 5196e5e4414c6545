using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Intake;
using Moci.Ingest.Tests.Support;
using MQTTnet.Packets;

namespace Moci.Ingest.Tests.Intake;

public sealed class ReadingsReceiverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const long T = 1_795_604_400; // 2026-11-25T11:00:00Z

    private static ReadOnlySequence<byte> Pm10(double value) =>
        new(Encoding.UTF8.GetBytes($$"""[{"bn":"urn:dev:moci:{{IntakeHarness.AirStation}}:","bt":{{T}},"n":"pm10","u":"ug/m3","v":{{value}}}]"""));

    private static readonly string Topic = $"moci/v1/{IntakeHarness.AirStation}/senml";

    private static ReadingsReceiver ReceiverOf(IntakeHarness harness) =>
        new(harness.Intake, harness.Queue, harness.Counters, new FakeTimeProvider(Now), NullLogger<ReadingsReceiver>.Instance);

    private static List<MqttUserProperty> Seq(string value) => [new MqttUserProperty("seq", Encoding.UTF8.GetBytes(value))];

    [Test]
    public async Task ReceiveAsync_ValidPack_QueuesItsReadingsWithTheSequenceAndCountsTheMessage()
    {
        await using var harness = new IntakeHarness(Now);

        await ReceiverOf(harness).ReceiveAsync(Topic, Pm10(31.5), Seq("42"), acknowledgeDelivery: null, CancellationToken.None);

        Assert.That(harness.Queue.Reader.TryRead(out var item), Is.True);
        Assert.That(item!.StationId, Is.EqualTo(IntakeHarness.AirStation));
        Assert.That(item.Sequence, Is.EqualTo(42));
        Assert.That(item.Readings.Select(r => (r.Metric, r.Value, r.Timestamp)), Is.EqualTo(new[] { ("pm10", 31.5, DateTimeOffset.FromUnixTimeSeconds(T)) }));
        Assert.That(item.AcknowledgeDelivery, Is.Null, "the embedded broker waits for no acknowledgement of its own");
        Assert.That(harness.Counters.Snapshot().MessagesReceived, Is.EqualTo(1));
    }

    [Test]
    public async Task ReceiveAsync_WithABrokerAcknowledgement_KeepsItForTheWriter()
    {
        await using var harness = new IntakeHarness(Now);
        var acknowledged = 0;

        await ReceiverOf(harness).ReceiveAsync(Topic, Pm10(31.5), null, _ =>
        {
            acknowledged++;
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.That(harness.Queue.Reader.TryRead(out var item), Is.True);
        await item!.AcknowledgeDelivery!(CancellationToken.None);
        Assert.That(acknowledged, Is.EqualTo(1));
        Assert.That(item.Sequence, Is.Null, "no seq property was sent");
    }

    [Test]
    public async Task ReceiveAsync_UnreadablePack_QueuesADeadLetterWithTheReason()
    {
        await using var harness = new IntakeHarness(Now);

        await ReceiverOf(harness).ReceiveAsync(Topic, new ReadOnlySequence<byte>("not json"u8.ToArray()), Seq("7"), null, CancellationToken.None);

        Assert.That(harness.Queue.Reader.TryRead(out var item), Is.True);
        Assert.That(item!.Readings, Is.Empty);
        Assert.That(item.DeadLetters.Single().Reason, Does.StartWith("invalid SenML pack"));
        Assert.That(item.Sequence, Is.EqualTo(7), "still acknowledged, or the station would resend it for ever");
    }

    [Test]
    public async Task ReceiveAsync_QueueFull_WaitsUntilTheWriterMakesRoom()
    {
        await using var harness = new IntakeHarness(Now, queueCapacity: 1);
        var receiver = ReceiverOf(harness);
        await receiver.ReceiveAsync(Topic, Pm10(1), Seq("1"), null, CancellationToken.None);

        var second = receiver.ReceiveAsync(Topic, Pm10(2), Seq("2"), null, CancellationToken.None).AsTask();

        Assert.That(second.IsCompleted, Is.False, "the queue holds one message and nobody has taken it");
        Assert.That(harness.Queue.Reader.TryRead(out var first), Is.True);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(harness.Queue.Reader.TryRead(out var next), Is.True);
        Assert.That((first!.Sequence, next!.Sequence), Is.EqualTo((1L, 2L)), "nothing dropped, order kept");
    }

    [Test]
    public async Task ReceiveAsync_QueueFullAndCancelled_GivesUpWithoutQueueing()
    {
        await using var harness = new IntakeHarness(Now, queueCapacity: 1);
        var receiver = ReceiverOf(harness);
        await receiver.ReceiveAsync(Topic, Pm10(1), Seq("1"), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var second = receiver.ReceiveAsync(Topic, Pm10(2), Seq("2"), null, cancel.Token).AsTask();
        await cancel.CancelAsync();

        Assert.That(async () => await second, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(harness.Queue.Depth, Is.EqualTo(1));
    }
}
