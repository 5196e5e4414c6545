using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Ingest.Apis;
using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Kit.Options;
using Moci.Kit.Simulation;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;
using Moci.Tests.Shared;
using MQTTnet;
using MQTTnet.Protocol;
using MsOptions = Microsoft.Extensions.Options.Options;

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
    public async Task Report_OfASimulatedStation_IsKeptAndTheApiAnswersIt()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var http = hub.CreateClient();
        var simulation = new SimulationOptions
        {
            Backfill = TimeSpan.FromHours(1),
            BackfillStep = TimeSpan.FromMinutes(10),
            Interval = TimeSpan.FromMinutes(10),
            Stations = { new SimulatedStation { Id = HubFactory.WaterStation, Kind = StationKind.Water, Secret = hub.SecretOf(HubFactory.WaterStation) } },
        };
        using var worker = new SimulatedStationsWorker(
            MsOptions.Create(simulation), MsOptions.Create(new PublisherOptions { Port = hub.BrokerPort }),
            MsOptions.Create(new OutboxOptions { Directory = Path.Combine(Path.GetDirectoryName(hub.DatabasePath)!, "demo-outbox") }),
            TimeProvider.System, NullLoggerFactory.Instance);

        await worker.StartAsync(CancellationToken.None);
        var first = await Eventually.Until(
            () => ReadHealthAsync(http, HubFactory.WaterStation), h => h is not null, Timeout, h => "no report");
        // The report made at connection counts the hour of history still in the outbox; once the hub has it all, a fresh one follows.
        var fresh = await Eventually.Until(
            () => ReadHealthAsync(http, HubFactory.WaterStation), h => h!.Report.Outbox.Depth == 0, Timeout, h => $"depth {h!.Report.Outbox.Depth}");
        await worker.StopAsync(CancellationToken.None);

        Assert.That(first!.Report.Clock, Is.EqualTo(new ClockHealth("system", true)));
        Assert.That(first.Report.Sensors.Select(s => (s.Name, s.State)), Is.EqualTo(StationSimulator.SensorsOf(StationKind.Water).Select(s => (s.Name, "ok"))));
        // Seven samples of six metrics went into the outbox before the first report was made; the hub may have acknowledged some.
        Assert.That(first.Report.Outbox.Depth, Is.InRange(0, 7 * 6));
        Assert.That((fresh!.Report.Outbox.Dropped, fresh.Report.Outbox.OldestAgeSeconds), Is.EqualTo((0L, (double?)null)));
        Assert.That(fresh.Warnings, Is.Empty);
    }

    /// <summary>The health API's answer for the station, or null while it has no report (404).</summary>
    private static async Task<StationHealthResponse?> ReadHealthAsync(HttpClient http, string stationId)
    {
        using var answer = await http.GetAsync($"/api/v1/stations/{stationId}/health");
        return answer.StatusCode == HttpStatusCode.OK ? await answer.Content.ReadFromJsonAsync<StationHealthResponse>(Json.Options) : null;
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

    private const string BadReport =
        """{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":"lots","dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""";

    /// <summary>
    /// Connects <paramref name="intake"/> to the hub's broker as the hub's intake (same client id and session),
    /// lets the broker hand it the retained reports, and returns once a reading the station sends after the
    /// subscription is stored: the broker delivers the retained reports first, and the batch writer commits in
    /// order, so whatever dead letter they made is committed by then.
    /// </summary>
    /// <summary>
    /// Publishes <see cref="BadReport"/> retained, waits until the hub's intake has dead-lettered it, and stops that
    /// intake, so that a test can reconnect intakes of its own to the broker holding the retained report.
    /// </summary>
    private static async Task RetainBadReportAndStopTheIntakeAsync(HubFactory hub, IMqttClient station, IngestCounters counters)
    {
        await PublishHealthAsync(station, HubFactory.AirStation, BadReport);
        await Eventually.Until(() => Task.FromResult(counters.Snapshot()), t => t.Rejected["invalid_health"] > 0, Timeout, t => $"{t.DeadLetters} dead letters counted");
        await hub.Services.GetRequiredService<MqttIntake>().StopAsync(CancellationToken.None);
    }

    private static async Task ReconnectAsync(HubFactory hub, IMqttClient station, MqttIntake intake, int round)
    {
        await intake.StartAsync(CancellationToken.None);
        await intake.Subscribed.WaitAsync(Timeout);
        var at = DateTimeOffset.UtcNow.AddMinutes(-round).ToUnixTimeSeconds();
        await station.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Readings(HubFactory.AirStation))
            .WithPayload($$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{at}},"n":"pm10","u":"ug/m3","v":{{round}}}]""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        var readings = hub.Services.GetRequiredService<IReadingStore>();
        await Eventually.Until(
            async () => await readings.ReadAsync(HubFactory.AirStation, "pm10", Moci.Telemetry.Time.TimeRange.All).CountAsync(),
            count => count == round, Timeout, count => $"{count} pm10 readings stored");
        await intake.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task BadReportRetained_IntakeReconnectsTwice_IsDeadLetteredOnce()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var counters = hub.Services.GetRequiredService<IngestCounters>();
        await RetainBadReportAndStopTheIntakeAsync(hub, station, counters);

        // The same intake reconnecting, twice: each time the broker hands it the retained report again.
        for (var round = 1; round <= 2; round++)
        {
            using var again = ActivatorUtilities.CreateInstance<MqttIntake>(hub.Services);
            await ReconnectAsync(hub, station, again, round);
        }

        var letters = await hub.Services.GetRequiredService<DeadLetterStore>().ListAsync(HubFactory.AirStation);
        Assert.That(letters.Select(l => Encoding.UTF8.GetString(l.Payload)), Is.EqualTo(new[] { BadReport }));
        Assert.That(counters.Snapshot().Rejected["invalid_health"], Is.EqualTo(1));
    }

    [Test]
    public async Task BadReportRetained_HubRestarts_FindsItsDeadLetterAndKeepsNoOther()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var counters = hub.Services.GetRequiredService<IngestCounters>();
        await RetainBadReportAndStopTheIntakeAsync(hub, station, counters);

        // A new health intake remembers nothing, as after a restart of the hub: only the dead-letter store knows.
        var restartedHealth = ActivatorUtilities.CreateInstance<HealthIntake>(hub.Services);
        using (var restarted = ActivatorUtilities.CreateInstance<MqttIntake>(hub.Services, restartedHealth))
        {
            await ReconnectAsync(hub, station, restarted, round: 1);
        }

        using (var again = ActivatorUtilities.CreateInstance<MqttIntake>(hub.Services, restartedHealth))
        {
            await ReconnectAsync(hub, station, again, round: 2);
        }

        var letters = await hub.Services.GetRequiredService<DeadLetterStore>().ListAsync(HubFactory.AirStation);
        Assert.That(letters.Select(l => Encoding.UTF8.GetString(l.Payload)), Is.EqualTo(new[] { BadReport }));
        Assert.That(counters.Snapshot().Rejected["invalid_health"], Is.EqualTo(1));
    }

    [Test]
    public async Task BadReportRetained_ItsDeadLetterRemovedBeforeARestart_IsDeadLetteredAgain()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var counters = hub.Services.GetRequiredService<IngestCounters>();
        await RetainBadReportAndStopTheIntakeAsync(hub, station, counters);
        var deadLetters = hub.Services.GetRequiredService<DeadLetterStore>();
        await deadLetters.DeleteAsync([.. (await deadLetters.ListAsync(HubFactory.AirStation)).Select(l => l.Id)]);

        using (var restarted = ActivatorUtilities.CreateInstance<MqttIntake>(hub.Services, ActivatorUtilities.CreateInstance<HealthIntake>(hub.Services)))
        {
            await ReconnectAsync(hub, station, restarted, round: 1);
        }

        var letters = await deadLetters.ListAsync(HubFactory.AirStation);
        Assert.That(letters.Select(l => Encoding.UTF8.GetString(l.Payload)), Is.EqualTo(new[] { BadReport }), "a report still refused and no longer kept is kept again");
    }

    [Test]
    public async Task Receive_StationNotRegistered_IsRejectedAsUnregistered()
    {
        using var folder = new TempDirectory();
        var registry = new StationRegistry(new StationStore(folder.File("hub.db"), TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new StationRegistryOptions()));
        using var store = new StationHealthStore(folder.File("hub.db"));
        using var deadLetters = new DeadLetterStore(folder.File("hub.db"));
        var intake = new HealthIntake(registry, store, deadLetters, NullLogger<HealthIntake>.Instance);
        var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(HealthReports.Json("ghost-01", DateTimeOffset.UtcNow)));

        var rejected = await intake.ReceiveAsync("ghost-01", "moci/v1/ghost-01/health", payload, DateTimeOffset.UtcNow);

        Assert.That(rejected!.Rejections.Single().Kind, Is.EqualTo(RejectionKind.Unregistered));
        Assert.That(rejected.DeadLetters.Single().Reason, Is.EqualTo("station 'ghost-01' is not registered on this hub"));
        Assert.That(await store.FindAsync("ghost-01"), Is.Null);
    }
}
