using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Bridge.Options;
using Moci.Bridge.Publishing;
using Moci.Bridge.Simulation;
using Moci.SystemTests.Support;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests;

/// <summary>
/// Scaled-out mode on real parts: a station publishes through Mosquitto to the ingest running as its own
/// process with <c>Broker:Embedded=false</c>; the ingest stores the readings and acknowledges through
/// Mosquitto. Restarting the ingest loses nothing: Mosquitto keeps its session's messages meanwhile.
/// </summary>
[NonParallelizable]
public sealed class MosquittoIntakeTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private Mosquitto _mosquitto = null!;
    private string _folder = null!;

    [SetUp]
    public async Task StartBroker()
    {
        _mosquitto = await Mosquitto.StartAsync();
        _folder = Path.Combine(Path.GetTempPath(), "moci-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void StopBroker()
    {
        _mosquitto.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ChildProcess StartIngest() => Hub.RunIngest(new Dictionary<string, string>
    {
        ["Broker__Embedded"] = "false",
        ["Broker__Host"] = "127.0.0.1",
        ["Broker__Port"] = _mosquitto.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage__DatabasePath"] = Path.Combine(_folder, "hub.db"),
        ["Stations__0__Id"] = Station,
        ["Stations__0__Kind"] = "Air",
    });

    /// <summary>Waits until the ingest process reports that it is connected to Mosquitto (and so subscribed).</summary>
    private static async Task WaitUntilConnected(ChildProcess ingest)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening.WaitAsync(Timeout) };
        using var deadline = new CancellationTokenSource(Timeout);
        while (!(await http.GetStringAsync("/api/v1/health", deadline.Token)).Contains("\"brokerConnected\":true", StringComparison.Ordinal))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    private StationPublisher StartStation(CancellationToken stop)
    {
        // A long acknowledgement timeout: the tests show that nothing depends on the station resending.
        var publisher = new StationPublisher(Station, null, new PublisherOptions { Host = "127.0.0.1", Port = _mosquitto.Port, AckTimeout = TimeSpan.FromMinutes(5) }, TimeProvider.System, NullLogger.Instance);
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

    private static async Task WaitUntilAllAcknowledged(StationPublisher publisher, ChildProcess ingest)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (publisher.Outbox.Depth > 0)
        {
            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{publisher.Outbox.Depth} batches still unacknowledged. Ingest output:\n{ingest.Output}");
            }
        }
    }

    private static async Task<int> CountStored(ChildProcess ingest)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening.WaitAsync(Timeout) };
        using var document = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/readings?station={Station}&metric=pm10&from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z"));
        return document.RootElement.GetProperty("readings").GetArrayLength();
    }

    [Test]
    public async Task StationThroughMosquitto_EveryBatchIsStoredAndAcknowledged()
    {
        using var ingest = StartIngest();
        await WaitUntilConnected(ingest);
        using var stop = new CancellationTokenSource();
        using var publisher = StartStation(stop.Token);

        Publish(publisher, 0, 500);
        await WaitUntilAllAcknowledged(publisher, ingest);

        Assert.That(await CountStored(ingest), Is.EqualTo(500));
        Assert.That(publisher.Outbox.Acknowledged, Is.EqualTo(500));
        stop.Cancel();
    }

    [Test]
    public async Task IngestRestart_MessagesQueuedAtMosquittoAreStoredAfterwards()
    {
        using var stop = new CancellationTokenSource();
        using var publisher = StartStation(stop.Token);
        using (var first = StartIngest())
        {
            await WaitUntilConnected(first);
            Publish(publisher, 0, 100);
            await WaitUntilAllAcknowledged(publisher, first);
        }

        // The ingest is down: its persistent session at Mosquitto keeps what the station sends meanwhile.
        Publish(publisher, 100, 200);
        await Task.Delay(1000);
        Assert.That(publisher.Outbox.Acknowledged, Is.EqualTo(100), "nothing can be acknowledged while the ingest is down");

        using var second = StartIngest();
        await WaitUntilAllAcknowledged(publisher, second);

        Assert.That(await CountStored(second), Is.EqualTo(300));
        stop.Cancel();
    }
}
