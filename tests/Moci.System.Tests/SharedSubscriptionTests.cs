using System.Diagnostics;
using System.Text.Json;
using Moci.Kit.Options;
using Moci.SystemTests.Support;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests;

/// <summary>
/// Several ingests behind one Mosquitto, on real parts: Mosquitto started from <c>moci mosquitto export --ingests 2</c>,
/// two ingest processes on its shared subscription, each with its own user and client id and both writing one SQLite
/// file, and real stations (<see cref="Moci.Kit.Publishing.StationPublisher"/>) sending thousands of batches. One
/// ingest is killed with <c>kill -9</c> in mid-stream: whatever it had taken and not acknowledged the stations send
/// again, the other ingest stores it, and every reading is stored exactly once.
/// </summary>
[NonParallelizable]
public sealed class SharedSubscriptionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly (string Id, StationKind Kind)[] Stations =
    [
        ("rrg-school-01", StationKind.Air),
        ("rrg-school-02", StationKind.Air),
        ("rrg-school-03", StationKind.Air),
        ("shk-river-01", StationKind.Water),
        ("shk-river-02", StationKind.Water),
        ("rrg-bike-01", StationKind.Mobile),
    ];

    // Whole minutes of the last few days: inside the backfill window, never ahead of the clock.
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(-3), TimeSpan.Zero);

    private ExportedMosquitto _broker = null!;

    [SetUp]
    public async Task StartBroker() =>
        _broker = await ExportedMosquitto.StartAsync(2, [.. Stations.Select(s => (s.Id, s.Kind.ToString().ToLowerInvariant()))]);

    [TearDown]
    public void StopBroker() => _broker.Dispose();

    [Test]
    public async Task TwoIngestsOnOneSharedSubscription_OneKilledMidStream_EveryReadingStoredOnce()
    {
        using var first = _broker.StartSharedIngest(1);
        using var second = _broker.StartSharedIngest(2);
        await Task.WhenAll(IngestApi.WaitUntilBrokerConnectedAsync(first, Timeout), IngestApi.WaitUntilBrokerConnectedAsync(second, Timeout));

        // Small batches and few in flight, so that most of the stream still waits in the outboxes at the kill; a batch
        // whose acknowledgement does not come within 10 s is sent again.
        using var fleet = new StationFleet(
            Stations.Select(s => (s.Id, s.Kind, _broker.Secrets[s.Id])),
            new PublisherOptions
            {
                Host = "127.0.0.1",
                Port = _broker.Port,
                AckTimeout = TimeSpan.FromSeconds(10),
                MaxReconnectDelay = TimeSpan.FromSeconds(2),
                MaxBatchReadings = 7,
                MaxBatchesInFlight = 4,
            },
            Start);
        fleet.Send(1000);
        await fleet.WaitUntilAsync(f => f.Acknowledged >= 1500, Timeout, "1500 batches acknowledged before the kill");
        var firstBefore = await IngestApi.TotalsAsync(first);
        var secondBefore = await IngestApi.TotalsAsync(second);

        await first.KillNineAsync();
        var inFlight = fleet.InFlight;
        var sinceKill = Stopwatch.StartNew();
        try
        {
            await fleet.DrainedAsync(Timeout);
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"{ex.Message}\n--- surviving ingest\n{second.Output}\n--- Mosquitto\n{_broker.Broker.Output}");
        }

        var secondAfter = await IngestApi.TotalsAsync(second);
        TestContext.Out.WriteLine(
            $"before the kill ingest 1 took {Received(firstBefore)} messages and ingest 2 {Received(secondBefore)}; {inFlight} of {fleet.Batches} batches " +
            $"unacknowledged at the kill, all acknowledged {sinceKill.Elapsed.TotalSeconds:0.0} s later; ingest 2 took {Received(secondAfter)} messages in all " +
            $"({secondAfter.GetProperty("readingsStored")} readings stored, {secondAfter.GetProperty("duplicatesIgnored")} duplicates); {fleet}");
        Assert.That(Received(firstBefore), Is.GreaterThan(100), "ingest 1 took its share before the kill");
        Assert.That(Received(secondBefore), Is.GreaterThan(100), "ingest 2 took its share before the kill");
        Assert.That(inFlight, Is.GreaterThan(1000), "thousands of batches were still to come at the kill");
        Assert.That(fleet.Stations.Select(s => s.Publisher.Outbox.ReadingsDropped), Has.All.Zero);

        await StoredReadings.AssertEachStoredOnceAsync(fleet, second, Start);
        var sentPerStation = fleet.Sent.CountBy(r => r.StationId).ToDictionary();
        var storedPerStation = new Dictionary<string, long>();
        foreach (var (id, _) in Stations)
        {
            storedPerStation[id] = await StoredCountAsync(second, id);
        }

        Assert.That(storedPerStation, Is.EquivalentTo(sentPerStation.ToDictionary(kv => kv.Key, kv => (long)kv.Value)), "per station, what its outbox took");
        Assert.That(second.Output.Split('\n'), Has.None.StartsWith("fail:").And.None.StartsWith("crit:"), second.Output);
    }

    [Test]
    public async Task TwoIngestsOnOneSharedSubscription_EachKnowsEveryStationOnline()
    {
        using var first = _broker.StartSharedIngest(1);
        using var second = _broker.StartSharedIngest(2);
        await Task.WhenAll(IngestApi.WaitUntilBrokerConnectedAsync(first, Timeout), IngestApi.WaitUntilBrokerConnectedAsync(second, Timeout));

        using var fleet = new StationFleet(
            Stations.Select(s => (s.Id, s.Kind, _broker.Secrets[s.Id])),
            new PublisherOptions { Host = "127.0.0.1", Port = _broker.Port },
            Start);
        fleet.Send(1);

        // The status topic is not shared: every ingest reads each station's retained status, so each answers alike.
        var expected = Stations.Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
        var firstOnline = await Eventually.ReachesAsync(() => OnlineAsync(first), online => online.SequenceEqual(expected), Timeout, "every station online at ingest 1");
        var secondOnline = await Eventually.ReachesAsync(() => OnlineAsync(second), online => online.SequenceEqual(expected), Timeout, "every station online at ingest 2");

        Assert.That(firstOnline, Is.EqualTo(expected));
        Assert.That(secondOnline, Is.EqualTo(expected));
    }

    private static long Received(JsonElement totals) => totals.GetProperty("messagesReceived").GetInt64();

    /// <summary>The readings of every metric of <paramref name="station"/> the ingest serves in the week from the start.</summary>
    private static async Task<long> StoredCountAsync(ChildProcess ingest, string station)
    {
        var kind = Stations.Single(s => s.Id == station).Kind;
        long count = 0;
        foreach (var metric in Moci.Kit.Simulation.StationSimulator.MetricsOf(kind))
        {
            count += await IngestApi.CountReadingsAsync(ingest, station, metric.Name, Start, Start.AddDays(7));
        }

        return count;
    }

    /// <summary>The stations <c>/api/v1/stations</c> says are online (from their status topic), by id.</summary>
    private static async Task<string[]> OnlineAsync(ChildProcess ingest)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/stations"));
        return [.. document.RootElement.EnumerateArray()
            .Where(s => s.GetProperty("online").ValueKind == JsonValueKind.True)
            .Select(s => s.GetProperty("id").GetString()!)
            .Order(StringComparer.Ordinal)];
    }
}
