using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using MQTTnet;
using MQTTnet.Protocol;

namespace Moci.Kit.Tests.Publishing;

/// <summary>
/// The publisher and its outbox on disk against a real MQTTnet broker on a free port (<see cref="TestHub"/>), which
/// records what it receives and acknowledges as the hub does.
/// </summary>
public sealed class StationPublisherTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    // Ten metrics, as a full air and water station reports them every minute.
    private static readonly string[] TenMetrics =
        ["pm1", "pm2_5", "pm10", "temperature", "humidity", "pressure", "co2", "water_temperature", "ph", "conductivity"];

    private TestHub _hub = null!;
    private TempDirectory _folder = null!;
    private CancellationTokenSource _stop = null!;

    [SetUp]
    public async Task StartHub()
    {
        _hub = await TestHub.StartAsync();
        _folder = new TempDirectory();
        _stop = new CancellationTokenSource();
    }

    [TearDown]
    public async Task StopHub()
    {
        _stop.Cancel();
        _stop.Dispose();
        await _hub.DisposeAsync();
        _folder.Dispose();
    }

    private StationPublisher Start(TimeProvider? time = null, PublisherOptions? options = null)
    {
        options ??= new PublisherOptions();
        options.Port = _hub.Port;
        var publisher = new StationPublisher(Station, "station-secret", options, new OutboxOptions { Directory = _folder.Path }, time ?? TimeProvider.System, NullLogger.Instance);
        _ = publisher.RunAsync(_stop.Token);
        return publisher;
    }

    private static PublisherOptions Fast(TimeSpan? ackTimeout = null) => new()
    {
        AckTimeout = ackTimeout ?? TimeSpan.FromSeconds(30),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
    };

    private static Reading[] Sample(int minute) =>
    [
        new(Station, "pm2_5", T0.AddMinutes(minute), 12 + minute),
        new(Station, "temperature", T0.AddMinutes(minute), 9.5),
    ];

    private static Reading[] TenMetricSample(DateTimeOffset at, int minute) =>
        [.. TenMetrics.Select((metric, i) => new Reading(Station, metric, at, minute + (i / 10.0)))];

    private static Task<long> WhenDrained(StationPublisher publisher)
    {
        var drained = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Acknowledged += sequence =>
        {
            if (publisher.Outbox.ReadingsWaiting == 0)
            {
                drained.TrySetResult(sequence);
            }
        };
        return drained.Task.WaitAsync(Timeout);
    }

    [Test]
    public async Task Enqueue_PublishesSenMLAtQos1WithTheSeqUserProperty()
    {
        using var publisher = Start();

        publisher.Enqueue(Sample(0));
        var batches = await _hub.WaitForBatchesAsync(b => b.Sum(x => x.Readings.Count) >= 2, Timeout);

        Assert.That(batches[0].Sequence, Is.EqualTo(1));
        Assert.That(batches[0].Message.QualityOfServiceLevel, Is.EqualTo(MqttQualityOfServiceLevel.AtLeastOnce));
        Assert.That(batches[0].Message.ContentType, Is.EqualTo("application/senml+json"));
        Assert.That(batches[0].Problem, Is.Null);
        Assert.That(batches[0].Readings, Is.EqualTo(Sample(0)));
    }

    [Test]
    public async Task Enqueue_ClockSuspectReading_ReachesTheHubFlaggedThroughTheOutbox()
    {
        using var publisher = Start();
        Reading[] readings =
        [
            new(Station, "pm2_5", T0, 12, QaFlags.ClockSuspect),
            new(Station, "temperature", T0, 9.5),
        ];

        publisher.Enqueue(readings);
        var batches = await _hub.WaitForBatchesAsync(b => b.Sum(x => x.Readings.Count) >= 2, Timeout);

        Assert.That(batches[0].Readings, Is.EqualTo(readings));
        Assert.That(batches[0].Message.ConvertPayloadToString(), Does.Contain("\"qa\":[\"clock_suspect\"]"));
    }

    [Test]
    public async Task Enqueue_ReadingWithAFlagOnlyTheHubSets_IsSentWithoutIt()
    {
        using var publisher = Start();

        publisher.Enqueue([new(Station, "temperature", T0, 9.5, QaFlags.OutOfRange | QaFlags.HubTimed)]);
        var batches = await _hub.WaitForBatchesAsync(1, Timeout);

        Assert.That(batches[0].Readings.Single().Flags, Is.EqualTo(QaFlags.None));
        Assert.That(batches[0].Message.ConvertPayloadToString(), Does.Not.Contain("qa"));
    }

    [Test]
    public async Task Connect_PublishesRetainedOnline()
    {
        using var publisher = Start();

        await _hub.WaitForMessagesAsync(m => m.Any(x => x.Topic == WireTopics.Status(Station) && x.ConvertPayloadToString() == WireProtocol.Online), Timeout);

        Assert.That(await _hub.RetainedAsync(WireTopics.Status(Station)), Is.EqualTo("online"));
    }

    [Test]
    public async Task LostConnection_LastWillLeavesRetainedOffline()
    {
        var publisher = Start();
        await _hub.WaitForMessagesAsync(m => m.Any(x => x.Topic == WireTopics.Status(Station)), Timeout);

        publisher.Dispose(); // closes the socket without DISCONNECT, as a power cut would
        await _hub.WaitForMessagesAsync(m => m.Any(x => x.Topic == WireTopics.Status(Station) && x.ConvertPayloadToString() == WireProtocol.Offline), Timeout);

        Assert.That(await _hub.RetainedAsync(WireTopics.Status(Station)), Is.EqualTo("offline"));
    }

    [Test]
    public async Task Ack_RemovesExactlyThatBatchsReadingsFromTheOutbox()
    {
        using var publisher = Start(options: new PublisherOptions { MaxBatchReadings = 2 });
        publisher.Enqueue([.. Sample(0), .. Sample(1), .. Sample(2)]);
        var batches = await _hub.WaitForBatchesAsync(3, Timeout);
        var acknowledged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Acknowledged += seq => acknowledged.TrySetResult(seq);

        await _hub.AckAsync(Station, batches[1].Sequence);

        Assert.That(await acknowledged.Task.WaitAsync(Timeout), Is.EqualTo(batches[1].Sequence));
        Assert.That(publisher.Outbox.ReadWaiting(), Is.EqualTo(Sample(0).Concat(Sample(2))));
    }

    [Test]
    public async Task NoAckWithinTheTimeout_TheBatchIsSentAgainWithTheSameSeq()
    {
        var time = new FakeTimeProvider(T0);
        using var publisher = Start(time, Fast(TimeSpan.FromSeconds(30)));
        publisher.Enqueue(Sample(0));
        await _hub.WaitForBatchesAsync(1, Timeout);

        // The batch was stamped as sent before it was published, so the clock may move on as soon as it arrived.
        time.Advance(TimeSpan.FromSeconds(31));
        var batches = await _hub.WaitForBatchesAsync(2, Timeout);

        Assert.That(batches.Select(b => b.Sequence), Is.EqualTo(new[] { 1L, 1 }));
        Assert.That(batches[1].Readings, Is.EqualTo(Sample(0)));
    }

    [Test]
    public async Task AckWithinTheTimeout_TheBatchIsNotSentAgain()
    {
        var time = new FakeTimeProvider(T0);
        _hub.AcknowledgeOnReceipt = true;
        using var publisher = Start(time, Fast(TimeSpan.FromSeconds(30)));
        var drained = WhenDrained(publisher);
        publisher.Enqueue(Sample(0));
        await drained;

        time.Advance(TimeSpan.FromSeconds(31));
        publisher.Enqueue(Sample(1));
        var batches = await _hub.WaitForBatchesAsync(2, Timeout);

        Assert.That(batches.Select(b => b.Readings), Is.EqualTo(new[] { Sample(0), Sample(1) }));
    }

    [Test]
    public async Task BrokerRestart_ReconnectsAndResendsWhatWasNotAcknowledged()
    {
        using var publisher = Start(options: Fast());
        publisher.Enqueue(Sample(0));
        await _hub.WaitForBatchesAsync(1, Timeout);

        await _hub.StopAsync();
        publisher.Enqueue(Sample(1));
        _hub.AcknowledgeOnReceipt = true;
        var drained = WhenDrained(publisher);
        await _hub.RestartAsync();
        await drained;

        var afterRestart = _hub.Batches.Skip(1).SelectMany(b => b.Readings).Distinct().ToList();
        Assert.That(afterRestart, Is.EqualTo(Sample(0).Concat(Sample(1))));
        Assert.That(publisher.Outbox.ReadingsWaiting, Is.Zero);
    }

    [Test]
    public async Task HubReceivesButDiesBeforeItsCommit_NoReadingLeavesTheOutbox_UntilAHubAcknowledges()
    {
        using var publisher = Start(options: Fast());
        publisher.Enqueue([.. Sample(0), .. Sample(1)]);
        await _hub.WaitForBatchesAsync(b => b.Sum(x => x.Readings.Count) >= 4, Timeout);

        // The broker took the batch (PUBACK) but the ingest died before committing it: no acknowledgement comes.
        await _hub.StopAsync();
        Assert.That(publisher.Outbox.ReadWaiting(), Is.EqualTo(Sample(0).Concat(Sample(1))), "a PUBACK deletes nothing");

        _hub.AcknowledgeOnReceipt = true;
        var drained = WhenDrained(publisher);
        await _hub.RestartAsync();
        await drained;

        Assert.That(publisher.Outbox.ReadingsWaiting, Is.Zero);
        Assert.That(publisher.Outbox.ReadingsAcknowledged, Is.EqualTo(4));
    }

    [Test]
    public async Task Restart_ReadingsNotAcknowledgedGoOutAgainUnderANewSeq_AndAnAckFromTheEarlierRunDeletesNothing()
    {
        long earlier;
        using (var first = Start(options: Fast()))
        {
            first.Enqueue(Sample(0));
            earlier = (await _hub.WaitForBatchesAsync(1, Timeout))[0].Sequence;
        }

        using var second = Start(options: Fast());
        var batches = await _hub.WaitForBatchesAsync(2, Timeout);
        var acknowledged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Acknowledged += seq => acknowledged.TrySetResult(seq);
        await _hub.AckAsync(Station, earlier);
        await acknowledged.Task.WaitAsync(Timeout);

        Assert.That(batches[1].Sequence, Is.GreaterThan(earlier));
        Assert.That(batches[1].Readings, Is.EqualTo(Sample(0)));
        Assert.That(second.Outbox.ReadWaiting(), Is.EqualTo(Sample(0)), "the ack of the earlier run's batch deletes nothing");
    }

    [Test]
    public async Task Backlog_LeavesInSeveralBatchesInFlight_BeforeAnyAck()
    {
        using var publisher = Start(options: new PublisherOptions { MaxBatchReadings = 10, MaxBatchesInFlight = 4 });

        publisher.Enqueue([.. Enumerable.Range(0, 50).SelectMany(Sample)]);
        var batches = await _hub.WaitForBatchesAsync(4, Timeout);

        Assert.That(batches.Select(b => b.Readings.Count), Is.All.EqualTo(10));
        Assert.That(publisher.Outbox.BatchesInFlight, Is.EqualTo(4), "the window is full; no more until an ack");
        Assert.That(_hub.Batches, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task HubUnreachableForSevenDays_EveryReadingArrivesAfterwards_OldestFirst_ExactlyOnce()
    {
        // The station's clock is fake; its network is real. The hub is away for a week of one-minute samples.
        var time = new FakeTimeProvider(T0);
        await _hub.StopAsync();
        _hub.AcknowledgeOnReceipt = true;
        var options = new PublisherOptions { AckTimeout = TimeSpan.FromDays(365), MaxBatchReadings = 500, MaxBatchesInFlight = 8 };
        using var publisher = Start(time, options);
        var taken = new List<Reading>();
        var minute = 0;

        // Stored an hour at a time (one transaction each), so that the test does not spend its time in 10 080 syncs.
        for (var hour = 0; hour < 7 * 24; hour++)
        {
            var samples = Enumerable.Range(0, 60).SelectMany(m => TenMetricSample(time.GetUtcNow().AddMinutes(m), minute + m)).ToList();
            publisher.Enqueue(samples);
            taken.AddRange(samples);
            minute += 60;
            time.Advance(TimeSpan.FromHours(1));
        }

        Assert.That(publisher.Outbox.ReadingsWaiting, Is.EqualTo(taken.Count), "nothing leaves while the hub is away");
        Assert.That(publisher.Outbox.Statistics().OldestAge, Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(_hub.Batches, Is.Empty);

        // The hub is back: the station's clock moves on until its reconnect back-off has run out.
        await _hub.RestartAsync();
        var online = _hub.WaitForMessagesAsync(m => m.Any(x => x.Topic == WireTopics.Status(Station) && x.ConvertPayloadToString() == WireProtocol.Online), Timeout);
        while (!online.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(online, Task.Delay(50));
        }

        await online;

        // Sampling goes on while the backlog drains, and never waits for it.
        for (var live = 0; live < 30; live++, minute++)
        {
            var sample = TenMetricSample(time.GetUtcNow(), minute);
            publisher.Enqueue(sample);
            taken.AddRange(sample);
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        var received = await _hub.WaitForBatchesAsync(b => b.Sum(x => x.Readings.Count) >= taken.Count, TimeSpan.FromMinutes(3));
        var waiting = await Eventually.Until(() => Task.FromResult(publisher.Outbox.ReadingsWaiting), w => w == 0, Timeout, w => $"{w} readings waiting");
        // Compared without QA flags: the hub flags these made-up values as out of range.
        var arrived = received.SelectMany(b => b.Readings).Select(r => (r.Metric, r.Timestamp, r.Value)).ToList();

        Assert.That(received.Select(b => b.Problem), Has.All.Null);
        Assert.That(received.Select(b => b.Readings.Count), Has.All.LessThanOrEqualTo(500));
        Assert.That(received.Select(b => b.Sequence), Is.Ordered.Ascending.And.Unique);
        Assert.That(arrived, Has.Count.EqualTo(taken.Count), "exactly once");
        Assert.That(arrived, Is.EqualTo(taken.Select(r => (r.Metric, r.Timestamp, r.Value))), "every reading, oldest first");
        Assert.That(waiting, Is.Zero, "every batch acknowledged");
    }
}
