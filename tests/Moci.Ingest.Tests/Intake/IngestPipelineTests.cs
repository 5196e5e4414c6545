using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Simulation;
using Moci.Ingest.Apis;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;
using MQTTnet;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Intake;

/// <summary>
/// The whole hub path in one process: the simulator's station publisher → embedded MQTTnet broker →
/// intake → batch writer → SQLite → read API, with the commit acknowledgement back to the station.
/// </summary>
public sealed class IngestPipelineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A whole minute an hour before the real clock: inside the hub's backfill window whenever the tests run.</summary>
    private static DateTimeOffset AnHourAgo()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-1);
    }

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static StationPublisher StartStation(HubFactory hub, string stationId, CancellationToken cancellationToken)
    {
        var options = new PublisherOptions { Port = hub.BrokerPort, AckTimeout = TimeSpan.FromSeconds(5) };
        var outbox = new OutboxOptions { Directory = Path.Combine(Path.GetDirectoryName(hub.DatabasePath)!, "station-outbox") };
        var publisher = new StationPublisher(stationId, hub.SecretOf(stationId), options, outbox, TimeProvider.System, NullLogger.Instance);
        _ = publisher.RunAsync(cancellationToken);
        return publisher;
    }

    /// <summary>Completes with the acknowledgement that leaves the station's outbox empty.</summary>
    private static Task<long> Drained(StationPublisher publisher)
    {
        var acked = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Acknowledged += seq =>
        {
            if (publisher.Outbox.ReadingsWaiting == 0)
            {
                acked.TrySetResult(seq);
            }
        };
        return acked.Task.WaitAsync(Timeout);
    }

    [Test]
    public async Task SimulatedStation_ReadingsReachTheApiAndEveryBatchIsAcknowledged()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var stop = new CancellationTokenSource();
        var publisher = StartStation(hub, HubFactory.AirStation, stop.Token);
        var simulator = new StationSimulator(seed: 7);
        var start = AnHourAgo();
        var sent = new List<Reading>();
        var drained = Drained(publisher);
        for (var minute = 0; minute < 30; minute++)
        {
            var sample = simulator.Sample(HubFactory.AirStation, StationKind.Air, start.AddMinutes(minute));
            sent.AddRange(sample);
            publisher.Enqueue(sample);
        }

        await drained;
        using var client = hub.CreateClient();
        var response = await client.GetFromJsonAsync<ReadingsDto>(
            $"/api/v1/readings?station={HubFactory.AirStation}&metric=pm2_5&from={Iso(start)}&to={Iso(start.AddMinutes(30))}", Json.Options);
        stop.Cancel();

        var expected = sent.Where(r => r.Metric == "pm2_5").ToList();
        Assert.That(publisher.Outbox.ReadingsWaiting, Is.Zero, "acknowledged batches leave the outbox");
        Assert.That(publisher.Outbox.ReadingsAcknowledged, Is.EqualTo(sent.Count));
        Assert.That(response!.Unit, Is.EqualTo("ug/m3"));
        Assert.That(response.Readings.Select(r => (r.Timestamp, r.Value)), Is.EqualTo(expected.Select(r => (r.Timestamp, r.Value))));
    }

    [Test]
    public async Task ClockSuspectReadingsFromAStation_AreStoredFlaggedAndLeftOutOfTheRollupsValues()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var stop = new CancellationTokenSource();
        var publisher = StartStation(hub, HubFactory.AirStation, stop.Token);
        var anHourAgo = AnHourAgo();
        var hour = new DateTimeOffset(anHourAgo.Year, anHourAgo.Month, anHourAgo.Day, anHourAgo.Hour, 0, 0, TimeSpan.Zero);
        Reading[] sent =
        [
            new(HubFactory.AirStation, "pm2_5", hour, 90, QaFlags.ClockSuspect),
            new(HubFactory.AirStation, "pm2_5", hour.AddMinutes(1), 80, QaFlags.ClockSuspect),
            new(HubFactory.AirStation, "pm2_5", hour.AddMinutes(2), 10),
            new(HubFactory.AirStation, "pm2_5", hour.AddMinutes(3), 20),
        ];
        var drained = Drained(publisher);

        publisher.Enqueue(sent);
        await drained;
        var store = hub.Services.GetRequiredService<IReadingStore>();
        var stored = new List<Reading>();
        await foreach (var reading in store.ReadAsync(HubFactory.AirStation, "pm2_5", Moci.Telemetry.Time.TimeRange.All))
        {
            stored.Add(reading);
        }

        var rollups = new List<Rollup>();
        await foreach (var rollup in store.ReadRollupsAsync(HubFactory.AirStation, "pm2_5", RollupPeriod.Hour, new Moci.Telemetry.Time.TimeRange(hour, hour.AddHours(1))))
        {
            rollups.Add(rollup);
        }

        stop.Cancel();

        Assert.That(stored.Select(r => (r.Timestamp, r.Value, r.Flags)), Is.EqualTo(sent.Select(r => (r.Timestamp, r.Value, r.Flags))));
        Assert.That(rollups, Is.EqualTo(new[] { new Rollup(hour, Count: 4, ValidCount: 2, ValidSum: 30, ValidMin: 10, ValidMax: 20) }));
    }

    [Test]
    public async Task SameBatchDeliveredTwice_IsStoredOnceAndAcknowledgedBothTimes()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var client = await hub.ConnectStationAsync(HubFactory.AirStation);
        var acks = new List<long>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            lock (acks)
            {
                // One acknowledgement per commit: both batches in one message, or one each (-1: not an ack).
                acks.AddRange(BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack) ? ack.Sequences : [-1]);
                if (acks.Count >= 2)
                {
                    second.TrySetResult();
                }
            }

            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter("moci/v1/rrg-school-01/ack").Build());
        var pack = $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{AnHourAgo().ToUnixTimeSeconds()}},"n":"pm10","u":"ug/m3","v":31.5},{"n":"pm10","u":"ug/m3","v":33,"t":60}]""";

        await PublishAsync(client, "moci/v1/rrg-school-01/senml", pack, seq: "41");
        await PublishAsync(client, "moci/v1/rrg-school-01/senml", pack, seq: "42");
        await second.Task.WaitAsync(Timeout);

        var stored = new List<Reading>();
        await foreach (var reading in hub.Services.GetRequiredService<IReadingStore>().ReadAsync("rrg-school-01", "pm10", Moci.Telemetry.Time.TimeRange.All))
        {
            stored.Add(reading);
        }

        Assert.That(stored.Select(r => r.Value), Is.EqualTo(new[] { 31.5, 33 }));
        Assert.That(acks, Is.EquivalentTo(new long[] { 41, 42 }));
        Assert.That(hub.Services.GetRequiredService<IngestCounters>().Snapshot().DuplicatesIgnored, Is.EqualTo(2));
    }

    [Test]
    public async Task MalformedMessage_IsDeadLetteredCountedAndAcknowledged_AndLaterMessagesStillStored()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var client = await hub.ConnectStationAsync(HubFactory.WaterStation);
        var acked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var ack = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            if (BatchAck.TryParse(e.ApplicationMessage.Payload, out var parsed) && parsed.Sequences.Contains(2))
            {
                acked.TrySetResult(ack);
            }

            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter("moci/v1/shk-river-01/ack").Build());

        await PublishAsync(client, "moci/v1/shk-river-01/senml", "this is not SenML", seq: "1");
        await PublishAsync(client, "moci/v1/shk-river-01/senml", $$"""[{"n":"ph","v":7.4,"t":{{AnHourAgo().ToUnixTimeSeconds()}}}]""", seq: "2");
        await acked.Task.WaitAsync(Timeout);

        var letters = await hub.Services.GetRequiredService<DeadLetterStore>().ListAsync("shk-river-01");
        var latest = await hub.Services.GetRequiredService<IReadingStore>().LatestAsync("shk-river-01");
        var totals = hub.Services.GetRequiredService<IngestCounters>().Snapshot();
        Assert.That(letters.Single().Reason, Does.StartWith("invalid SenML pack: not valid JSON"));
        Assert.That(Encoding.UTF8.GetString(letters.Single().Payload), Is.EqualTo("this is not SenML"));
        Assert.That(latest.Single().Value, Is.EqualTo(7.4));
        Assert.That(totals.DeadLetters, Is.EqualTo(1));
        Assert.That(totals.Rejected["invalid_pack"], Is.EqualTo(1));
        Assert.That(totals.MessagesReceived, Is.EqualTo(2));
    }

    [Test]
    public async Task StationStatus_OnlineWhileConnected_OfflineAfterStop()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var stop = new CancellationTokenSource();
        using var publisher = StartStation(hub, HubFactory.WaterStation, stop.Token);
        using var http = hub.CreateClient();

        var online = await PollStation(http, HubFactory.WaterStation, online: true);
        stop.Cancel();
        var offline = await PollStation(http, HubFactory.WaterStation, online: false);

        Assert.That(online.Online, Is.True);
        Assert.That(offline.Online, Is.False);
    }

    [Test]
    public async Task StationStatus_ConnectionLostWithoutGoodbye_LastWillSaysOffline()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var stop = new CancellationTokenSource();
        var publisher = StartStation(hub, HubFactory.WaterStation, stop.Token);
        using var http = hub.CreateClient();
        await PollStation(http, HubFactory.WaterStation, online: true);

        publisher.Dispose(); // drops the socket without an MQTT DISCONNECT, as a power cut would

        var offline = await PollStation(http, HubFactory.WaterStation, online: false);
        Assert.That(offline.Online, Is.False);
        stop.Cancel();
    }

    private static Task<StationResponse> PollStation(HttpClient http, string station, bool online) =>
        Poll(async () => (await http.GetFromJsonAsync<StationResponse>($"/api/v1/stations/{station}", Json.Options))!, s => s.Online == online);

    private static async Task<T> Poll<T>(Func<Task<T>> get, Func<T, bool> until)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            var value = await get();
            if (until(value))
            {
                return value;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static Task PublishAsync(IMqttClient client, string topic, string payload, string seq) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty("seq", Encoding.UTF8.GetBytes(seq).AsMemory())
            .Build());

    private sealed record ReadingsDto(string Station, string Metric, string Unit, List<ReadingValue> Readings);
}
