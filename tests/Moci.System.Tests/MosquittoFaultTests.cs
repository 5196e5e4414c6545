using System.Diagnostics;
using System.Globalization;
using Moci.Kit.Options;
using Moci.SystemTests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests;

/// <summary>
/// Faults of the scaled-out hub on real parts: Mosquitto started from <c>moci mosquitto export</c>, the ingest as its
/// own process, and real stations (<see cref="Moci.Kit.Publishing.StationPublisher"/>) sending thousands of
/// batches. Mosquitto killed with <c>kill -9</c> in mid-stream and started again, or the ingest killed and kept down
/// for a minute: either way every reading each station sent is stored exactly once and every outbox drains. A
/// reading a station publishes as retained is stored once, and not again when the ingest subscribes anew.
/// </summary>
[NonParallelizable]
public sealed class MosquittoFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan IngestOutage = TimeSpan.FromSeconds(60);

    private static readonly (string Id, StationKind Kind)[] Stations =
    [
        ("rrg-school-01", StationKind.Air),
        ("rrg-school-02", StationKind.Air),
        ("shk-river-01", StationKind.Water),
        ("rrg-bike-01", StationKind.Mobile),
    ];

    // Whole minutes of the last few days: inside the backfill window, never ahead of the clock.
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(-3), TimeSpan.Zero);

    private ExportedMosquitto _broker = null!;

    [SetUp]
    public async Task StartBroker() => _broker = await ExportedMosquitto.StartAsync([.. Stations.Select(s => (s.Id, s.Kind.ToString().ToLowerInvariant()))]);

    [TearDown]
    public void StopBroker() => _broker.Dispose();

    private StationFleet StartStations(PublisherOptions options) =>
        new(Stations.Select(s => (s.Id, s.Kind, _broker.Secrets[s.Id])), options, Start);

    /// <summary>Waits until every station's outbox is empty; fails with how far each got and what the ingest and Mosquitto logged.</summary>
    private async Task DrainAsync(StationFleet fleet, ChildProcess ingest)
    {
        try
        {
            await fleet.DrainedAsync(Timeout);
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"{ex.Message}\n--- ingest\n{ingest.Output}\n--- Mosquitto\n{_broker.Broker.Output}");
        }
    }

    /// <summary>The console logger marks errors "fail:" and critical failures "crit:"; warnings (a lost connection) are expected.</summary>
    private static void AssertLoggedNoError(ChildProcess ingest) =>
        Assert.That(ingest.Output.Split('\n'), Has.None.StartsWith("fail:").And.None.StartsWith("crit:"), ingest.Output);

    [Test]
    public async Task MosquittoKilledMidStream_RestartedFromTheExport_EveryReadingStoredOnce_OutboxesDrain()
    {
        using var ingest = _broker.StartIngest();
        await IngestApi.WaitUntilBrokerConnectedAsync(ingest, Timeout);
        // A crash loses what Mosquitto took since its last save (10 s at most) and every acknowledgement on the way:
        // the stations reconnect and send again whatever is not acknowledged, some of it after the ack time-out.
        using var fleet = StartStations(new PublisherOptions
        {
            Host = "127.0.0.1",
            Port = _broker.Port,
            AckTimeout = TimeSpan.FromSeconds(10),
            MaxReconnectDelay = TimeSpan.FromSeconds(2),

            // About one sample per batch and few in flight, so that the crash comes while most of the stream still
            // waits in the outboxes: with the defaults (2,000 readings, 8 in flight) it drains within a second or two.
            MaxBatchReadings = 7,
            MaxBatchesInFlight = 4,
        });

        fleet.Send(1500);
        await fleet.WaitUntilAsync(f => f.Acknowledged >= 1000, Timeout, "1000 batches acknowledged before the crash");
        await _broker.Broker.KillNineAsync();
        var inFlight = fleet.InFlight;
        var sinceCrash = Stopwatch.StartNew();
        await _broker.RestartBrokerAsync();
        await DrainAsync(fleet, ingest);

        var totals = await IngestApi.TotalsAsync(ingest);
        TestContext.Out.WriteLine(
            $"{inFlight} of {fleet.Batches} batches unacknowledged when Mosquitto was killed, all acknowledged {sinceCrash.Elapsed.TotalSeconds:0.0} s later; the ingest took " +
            $"{totals.GetProperty("messagesReceived")} messages ({totals.GetProperty("readingsStored")} readings stored, {totals.GetProperty("duplicatesIgnored")} duplicates); {fleet}");
        Assert.That(inFlight, Is.GreaterThan(2000), "thousands of batches were in flight at the crash");
        Assert.That(fleet.Stations.Select(s => s.Publisher.Outbox.ReadingsDropped), Has.All.Zero);
        await StoredReadings.AssertEachStoredOnceAsync(fleet, ingest, Start);
        Assert.That(ingest.HasExited, Is.False, ingest.Output);
        AssertLoggedNoError(ingest);
    }

    [Test]
    public async Task IngestKilledForAMinute_StationsKeepSending_AfterRestartEveryReadingStoredOnce_OutboxesDrain()
    {
        // The stations' defaults: batches not acknowledged within 30 s are sent again, so Mosquitto queues copies too.
        using var fleet = StartStations(new PublisherOptions { Host = "127.0.0.1", Port = _broker.Port });
        using var feeding = new CancellationTokenSource();
        Task feeder;
        int queuedAtRestart;
        using (var first = _broker.StartIngest())
        {
            await IngestApi.WaitUntilBrokerConnectedAsync(first, Timeout);
            // A backlog first (as after the stations' own outage), so that the ingest dies in the middle of work:
            // messages taken from Mosquitto and not yet committed, commits not yet acknowledged.
            fleet.Send(1000);
            feeder = FeedAsync(fleet, feeding.Token);
            await fleet.WaitUntilAsync(f => f.Acknowledged >= 1000, Timeout, "1000 batches acknowledged before the ingest is killed");
            await first.KillNineAsync();
            AssertLoggedNoError(first);
        }

        // Acknowledgements already on their way when the ingest died may still arrive; none can come later.
        var downSince = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var acknowledgedWhileDown = fleet.Acknowledged;
        await Task.Delay(IngestOutage - (DateTimeOffset.UtcNow - downSince));
        Assert.That(fleet.Acknowledged, Is.EqualTo(acknowledgedWhileDown), "nothing is acknowledged while the ingest is down");
        await feeding.CancelAsync();
        await feeder;
        queuedAtRestart = fleet.InFlight;

        var sinceRestart = Stopwatch.StartNew();
        using var second = _broker.StartIngest();
        await DrainAsync(fleet, second);
        sinceRestart.Stop();

        var totals = await IngestApi.TotalsAsync(second);
        TestContext.Out.WriteLine(
            $"{queuedAtRestart} of {fleet.Batches} batches unacknowledged after {IngestOutage.TotalSeconds:0} s without the ingest, all acknowledged {sinceRestart.Elapsed.TotalSeconds:0.0} s after its restart; it took " +
            $"{totals.GetProperty("messagesReceived")} messages ({totals.GetProperty("readingsStored")} readings stored, {totals.GetProperty("duplicatesIgnored")} duplicates); {fleet}");
        Assert.That(queuedAtRestart, Is.GreaterThan(2000), "thousands of batches were waiting when the ingest came back");
        Assert.That(fleet.Stations.Select(s => s.Publisher.Outbox.ReadingsDropped), Has.All.Zero);
        await StoredReadings.AssertEachStoredOnceAsync(fleet, second, Start);
        AssertLoggedNoError(second);
    }

    /// <summary>Every station puts a batch into its outbox every 50 ms (20 a second) until cancelled.</summary>
    private static async Task FeedAsync(StationFleet fleet, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                fleet.Send(1);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    [Test]
    public async Task RetainedReading_IsStoredOnce_AndNotStoredOrCountedAgainWhenTheIngestSubscribesAnew()
    {
        var (station, _) = Stations[0];
        var retainedAt = Start.AddHours(1);
        var markerAt = Start.AddHours(2);
        using (var first = _broker.StartIngest())
        {
            await IngestApi.WaitUntilReadyAsync(first, Timeout);

            var retained = await PublishTemperatureAsync(station, retainedAt, 21.5, "-r");

            Assert.That(retained.ExitCode, Is.Zero, retained.ToString());
            await StoredAsync(first, station, retainedAt, 1);
            var totals = await IngestApi.TotalsAsync(first);
            Assert.That(totals.GetProperty("messagesReceived").GetInt64(), Is.EqualTo(1));
            Assert.That(totals.GetProperty("readingsStored").GetInt64(), Is.EqualTo(1));
        }

        using (var second = _broker.StartIngest())
        {
            await IngestApi.WaitUntilReadyAsync(second, Timeout);
            // Mosquitto sends the messages of one session in order: a retained reading it replayed at the new
            // subscription would be taken before this marker, published after it.
            var marker = await PublishTemperatureAsync(station, markerAt, 22.5);
            Assert.That(marker.ExitCode, Is.Zero, marker.ToString());
            await StoredAsync(second, station, markerAt, 1);

            var totals = await IngestApi.TotalsAsync(second);
            Assert.That(totals.GetProperty("messagesReceived").GetInt64(), Is.EqualTo(1), "only the marker reaches the restarted ingest");
            Assert.That(totals.GetProperty("readingsStored").GetInt64(), Is.EqualTo(1));
            Assert.That(totals.GetProperty("duplicatesIgnored").GetInt64(), Is.Zero);
            Assert.That(totals.GetProperty("deadLetters").GetInt64(), Is.Zero);
            Assert.That(await IngestApi.CountReadingsAsync(second, station, "temperature", retainedAt, retainedAt.AddMinutes(1)), Is.EqualTo(1));
        }

        // The ingest is down: the retained reading is still at Mosquitto, so a new subscription could have been sent it.
        var kept = await RetainedReadingAsync(station);
        Assert.That(kept.Out, Does.Contain("21.5"), kept.ToString());
    }

    private Task<ProcessRun> PublishTemperatureAsync(string station, DateTimeOffset at, double celsius, params string[] options) =>
        MosquittoPub.PublishOnceAsync(_broker.Port, station, _broker.Secrets[station], WireTopics.Readings(station), TemperaturePack(station, at, celsius), options);

    private static string TemperaturePack(string station, DateTimeOffset at, double celsius) => string.Create(CultureInfo.InvariantCulture,
        $$"""[{"bn":"{{WireProtocol.BaseName(station)}}","bt":{{at.ToUnixTimeSeconds()}},"n":"temperature","u":"Cel","v":{{celsius}}}]""");

    private static Task<int> StoredAsync(ChildProcess ingest, string station, DateTimeOffset at, int count) => Eventually.ReachesAsync(
        () => IngestApi.CountReadingsAsync(ingest, station, "temperature", at, at.AddMinutes(1)),
        stored => stored == count,
        Timeout,
        $"{count} temperature reading(s) of {station} at {at:O} stored\n{ingest.Output}");

    /// <summary>
    /// What Mosquitto retains on the station's readings topic, read as the intake's user (the only one allowed to
    /// read it) with <c>mosquitto_sub</c>; only while the ingest is down, since the login takes over its session.
    /// </summary>
    private Task<ProcessRun> RetainedReadingAsync(string station) => ProcessRun.RunAsync(
        "/usr/bin/mosquitto_sub",
        [
            "-h", "127.0.0.1", "-p", _broker.Port.ToString(CultureInfo.InvariantCulture),
            "-u", "moci.ingest", "-P", File.ReadAllText(Path.Combine(_broker.ExportDirectory, "ingest.secret")).Trim(),
            "-t", WireTopics.Readings(station), "-C", "1", "-W", "10",
        ],
        TimeSpan.FromSeconds(30));
}
