using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Simulation;
using Moci.SystemTests.Support;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests;

/// <summary>
/// Scaled-out mode on real parts: a station publishes through Mosquitto, started from <c>moci mosquitto export</c>,
/// to the ingest running as its own process with <c>Broker:Embedded=false</c>; the ingest stores the readings and
/// acknowledges through Mosquitto. Restarting the ingest loses nothing: Mosquitto keeps its session's messages
/// meanwhile, however many there are (the exported queue is unbounded).
/// </summary>
[NonParallelizable]
public sealed class MosquittoIntakeTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Readings of yesterday: recent enough for any backfill limit, and in the past.
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);

    private static readonly int ReadingsPerMinute = StationSimulator.MetricsOf(StationKind.Air).Count;

    private ExportedMosquitto _broker = null!;
    private string _outboxes = null!;

    [SetUp]
    public async Task StartBroker()
    {
        _outboxes = Path.Combine(Path.GetTempPath(), "moci-system", Guid.NewGuid().ToString("N"));
        _broker = await ExportedMosquitto.StartAsync((Station, "air"));
    }

    [TearDown]
    public void StopBroker()
    {
        _broker.Dispose();
        if (Directory.Exists(_outboxes))
        {
            Directory.Delete(_outboxes, recursive: true);
        }
    }

    private StationPublisher StartStation(CancellationToken stop)
    {
        // A long acknowledgement timeout: the tests show that nothing depends on the station resending.
        var options = new PublisherOptions { Host = "127.0.0.1", Port = _broker.Port, AckTimeout = TimeSpan.FromMinutes(5) };
        var publisher = new StationPublisher(Station, _broker.Secrets[Station], options, new OutboxOptions { Directory = _outboxes }, TimeProvider.System, NullLogger.Instance);
        _ = publisher.RunAsync(stop);
        return publisher;
    }

    private static void Publish(StationPublisher publisher, int fromMinute, int batches)
    {
        var simulator = new StationSimulator(3);
        for (var minute = fromMinute; minute < fromMinute + batches; minute++)
        {
            publisher.Enqueue(simulator.Sample(Station, StationKind.Air, Start.AddMinutes(minute)));
        }
    }

    private async Task WaitUntilAllAcknowledged(StationPublisher publisher, ChildProcess ingest)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (publisher.Outbox.ReadingsWaiting > 0)
        {
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{publisher.Outbox.ReadingsWaiting} readings still unacknowledged. Ingest output:\n{ingest.Output}\nMosquitto output:\n{_broker.Broker.Output}");
            }
        }
    }

    private static Task<int> CountStored(ChildProcess ingest) =>
        IngestApi.CountReadingsAsync(ingest, Station, "pm10", Start, Start.AddDays(1));

    [Test]
    public async Task StationThroughMosquitto_EveryBatchIsStoredAndAcknowledged()
    {
        using var ingest = _broker.StartIngest();
        await IngestApi.WaitUntilBrokerConnectedAsync(ingest, Timeout);
        using var stop = new CancellationTokenSource();
        using var publisher = StartStation(stop.Token);

        Publish(publisher, 0, 500);
        await WaitUntilAllAcknowledged(publisher, ingest);

        Assert.That(await CountStored(ingest), Is.EqualTo(500));
        Assert.That(publisher.Outbox.ReadingsAcknowledged, Is.EqualTo(500 * ReadingsPerMinute));
        stop.Cancel();
    }

    [Test]
    public async Task IngestRestart_MessagesQueuedAtMosquittoAreStoredAfterwards()
    {
        using var stop = new CancellationTokenSource();
        using var publisher = StartStation(stop.Token);
        using (var first = _broker.StartIngest())
        {
            await IngestApi.WaitUntilBrokerConnectedAsync(first, Timeout);
            Publish(publisher, 0, 100);
            await WaitUntilAllAcknowledged(publisher, first);
        }

        // The ingest is down: its persistent session at Mosquitto keeps what the station sends meanwhile, more
        // than Mosquitto's default queue of 1000 messages would hold.
        Publish(publisher, 100, 1100);
        await Task.Delay(1000);
        Assert.That(publisher.Outbox.ReadingsAcknowledged, Is.EqualTo(100 * ReadingsPerMinute), "nothing can be acknowledged while the ingest is down");

        using var second = _broker.StartIngest();
        await WaitUntilAllAcknowledged(publisher, second);

        Assert.That(await CountStored(second), Is.EqualTo(1200));
        stop.Cancel();
    }
}
