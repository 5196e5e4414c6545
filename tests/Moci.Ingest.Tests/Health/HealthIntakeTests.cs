using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Tests.Shared;
using MQTTnet;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Health;

/// <summary>Health reports through the hub's embedded broker and intake into its database.</summary>
public sealed class HealthIntakeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static Task PublishHealthAsync(IMqttClient client, string stationId, string json) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"moci/v1/{stationId}/health")
            .WithPayload(json)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .WithContentType("application/json")
            .Build());

    [Test]
    public async Task Report_PublishedByTheStation_IsKeptInTheHubDatabase()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);

        await PublishHealthAsync(station, HubFactory.AirStation, HealthReports.Json(HubFactory.AirStation, at, dustFailing: true, depth: 42));
        var store = hub.Services.GetRequiredService<StationHealthStore>();
        var stored = await Eventually.Until(() => store.FindAsync(HubFactory.AirStation), h => h is not null, Timeout, h => h?.ToString() ?? "no report");

        Assert.That(stored!.Report.Outbox.Depth, Is.EqualTo(42));
        Assert.That(stored.Report.Sensors.Single(s => s.Name == "dust").LastError, Is.EqualTo("sensor 'dust' (sds011): no frame within 3 s"));
        Assert.That(stored.Report.At, Is.EqualTo(at).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task Report_SentWhileTheIntakeWasAway_IsKeptWhenItSubscribesAgain()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        var intake = hub.Services.GetRequiredService<MqttIntake>();
        await intake.StopAsync(CancellationToken.None);
        using var station = await hub.ConnectStationAsync(HubFactory.WaterStation);
        await PublishHealthAsync(station, HubFactory.WaterStation, HealthReports.Json(HubFactory.WaterStation, DateTimeOffset.UtcNow, depth: 7));
        var store = hub.Services.GetRequiredService<StationHealthStore>();
        Assert.That(await store.FindAsync(HubFactory.WaterStation), Is.Null, "nothing kept while the intake is stopped");

        // The intake again, as after a restart of the hub: the broker hands it the report (queued for its session, and retained).
        using var restarted = ActivatorUtilities.CreateInstance<MqttIntake>(hub.Services);
        await restarted.StartAsync(CancellationToken.None);
        await restarted.Subscribed.WaitAsync(Timeout);
        var stored = await Eventually.Until(() => store.FindAsync(HubFactory.WaterStation), h => h is not null, Timeout, h => h?.ToString() ?? "no report");
        await restarted.StopAsync(CancellationToken.None);

        Assert.That(stored!.Report.Outbox.Depth, Is.EqualTo(7));
    }

    [Test]
    public async Task BadReport_IsDeadLetteredWithItsReasonAndCounted_AndTheKeptReportStays()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var store = hub.Services.GetRequiredService<StationHealthStore>();
        await PublishHealthAsync(station, HubFactory.AirStation, HealthReports.Json(HubFactory.AirStation, DateTimeOffset.UtcNow, depth: 5));
        await Eventually.Until(() => store.FindAsync(HubFactory.AirStation), h => h is not null, Timeout, h => h?.ToString() ?? "no report");

        const string bad = """{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":"lots","dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""";
        await PublishHealthAsync(station, HubFactory.AirStation, bad);
        // The batch writer counts a rejection by kind once its dead letter is committed and counted: the last thing to change.
        var counters = hub.Services.GetRequiredService<IngestCounters>();
        var totals = await Eventually.Until(() => Task.FromResult(counters.Snapshot()), t => t.Rejected["invalid_health"] > 0, Timeout, t => $"{t.DeadLetters} dead letters counted");
        var letters = await hub.Services.GetRequiredService<DeadLetterStore>().ListAsync(HubFactory.AirStation);
        var kept = await store.FindAsync(HubFactory.AirStation);

        Assert.That(letters.Single().Reason, Is.EqualTo("invalid health report: 'outbox.depth' must be a whole number ≥ 0, not the string 'lots'"));
        Assert.That(letters.Single().Topic, Is.EqualTo("moci/v1/rrg-school-01/health"));
        Assert.That(Encoding.UTF8.GetString(letters.Single().Payload), Is.EqualTo(bad));
        Assert.That((totals.Rejected["invalid_health"], totals.DeadLetters), Is.EqualTo((1L, 1L)));
        Assert.That(kept!.Report.Outbox.Depth, Is.EqualTo(5), "the last good report is still shown");
    }

    [Test]
    public async Task Receive_StationNotRegistered_IsRejectedAsUnregistered()
    {
        using var folder = new TempDirectory();
        var registry = new StationRegistry(new StationStore(folder.File("hub.db"), TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new StationRegistryOptions()));
        using var store = new StationHealthStore(folder.File("hub.db"));
        var intake = new HealthIntake(registry, store, NullLogger<HealthIntake>.Instance);
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(HealthReports.Json("ghost-01", DateTimeOffset.UtcNow)));

        var rejected = await intake.ReceiveAsync("ghost-01", "moci/v1/ghost-01/health", payload, DateTimeOffset.UtcNow);

        Assert.That(rejected!.Rejections.Single().Kind, Is.EqualTo(RejectionKind.Unregistered));
        Assert.That(rejected.DeadLetters.Single().Reason, Is.EqualTo("station 'ghost-01' is not registered on this hub"));
        Assert.That(await store.FindAsync("ghost-01"), Is.Null);
    }
}
