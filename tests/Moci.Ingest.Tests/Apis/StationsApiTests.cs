using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Ingest.Apis;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;
using Moci.Tests.Shared;

namespace Moci.Ingest.Tests.Apis;

public sealed class StationsApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private HubFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _hub = new HubFactory();
        await _hub.StartAsync();
        _http = _hub.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Test]
    public async Task GetStations_ListsTheRegistryInOrder()
    {
        var stations = await _http.GetFromJsonAsync<StationResponse[]>("/api/v1/stations", Json.Options);

        Assert.That(stations!.Select(s => (s.Id, s.Name, s.Kind)), Is.EqualTo(new[]
        {
            (HubFactory.AirStation, "Rrogozhina school roof", StationKind.Air),
            (HubFactory.WaterStation, "Shkumbin at the bridge", StationKind.Water),
        }));
        Assert.That(stations![0].Latitude, Is.EqualTo(41.076));
    }

    [Test]
    public async Task GetStation_AfterAReading_IsReportingWithTheTimeOfItsNewestReading()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        await _hub.Services.GetRequiredService<IReadingStore>().WriteAsync([new Reading(HubFactory.AirStation, "pm10", at, 12.5)]);

        var station = await _http.GetFromJsonAsync<StationResponse>($"/api/v1/stations/{HubFactory.AirStation}", Json.Options);

        Assert.That(station!.Reporting, Is.True);
        Assert.That(station.LastReading, Is.GreaterThanOrEqualTo(at.AddMilliseconds(-1)));
    }

    [Test]
    public async Task GetStations_ReadingOlderThanTheSilence_IsNotReporting()
    {
        // A single reading has no usual interval, so the silence is the five-minute minimum.
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var factory = new HubFactory();
        await factory.StartAsync();
        try
        {
            await factory.Services.GetRequiredService<IReadingStore>().WriteAsync([new Reading(HubFactory.WaterStation, "ph", at, 7.1)]);
            using var http = factory.CreateClient();

            var stations = await http.GetFromJsonAsync<StationResponse[]>("/api/v1/stations", Json.Options);

            Assert.That(stations!.Single(s => s.Id == HubFactory.WaterStation).Reporting, Is.False);
            Assert.That(stations!.Single(s => s.Id == HubFactory.AirStation).Reporting, Is.Null, "no reading yet");
        }
        finally
        {
            factory.Dispose();
        }
    }

    [Test]
    public async Task GetStations_InADashboardOnlyProcess_AnswersOnlineAsTheIngestRecordedIt()
    {
        using var ingest = new HubFactory();
        await ingest.StartAsync();
        using var stop = new CancellationTokenSource();
        using var station = StartStation(ingest, HubFactory.WaterStation, stop.Token);
        using var dashboard = DashboardOnlyOver(ingest);
        using var http = dashboard.CreateClient();

        var stations = await Eventually.ReachesAsync(
            async () => (await http.GetFromJsonAsync<StationResponse[]>("/api/v1/stations", Json.Options))!,
            all => all.Single(s => s.Id == HubFactory.WaterStation).Online is not null,
            Timeout,
            "the water station's online in the dashboard-only process");

        Assert.That(stations.Single(s => s.Id == HubFactory.WaterStation).Online, Is.True);
        Assert.That(stations.Single(s => s.Id == HubFactory.AirStation).Online, Is.Null, "never connected");
        await stop.CancelAsync();
    }

    [Test]
    public async Task GetStation_InADashboardOnlyProcess_IsOfflineAfterTheStationsLastWill()
    {
        using var ingest = new HubFactory();
        await ingest.StartAsync();
        using var stop = new CancellationTokenSource();
        var station = StartStation(ingest, HubFactory.WaterStation, stop.Token);
        using var dashboard = DashboardOnlyOver(ingest);
        using var http = dashboard.CreateClient();
        await Eventually.ReachesAsync(() => OnlineAsync(http, HubFactory.WaterStation), online => online is true, Timeout, "online");

        station.Dispose(); // drops the socket without an MQTT DISCONNECT, as a power cut would: the broker sends its will

        var online = await Eventually.ReachesAsync(() => OnlineAsync(http, HubFactory.WaterStation), online => online is not true, Timeout, "online after the will");
        Assert.That(online, Is.False);
        await stop.CancelAsync();
    }

    /// <summary>A hub that takes no readings, over the database file of <paramref name="ingest"/>.</summary>
    private static HubFactory DashboardOnlyOver(HubFactory ingest) => new(new Dictionary<string, string?>
    {
        ["Intake:Enabled"] = "false",
        ["Storage:DatabasePath"] = ingest.DatabasePath,
    });

    private static async Task<bool?> OnlineAsync(HttpClient http, string stationId) =>
        (await http.GetFromJsonAsync<StationResponse>($"/api/v1/stations/{stationId}", Json.Options))!.Online;

    /// <summary>The kit's station client: it says <c>online</c> on its status topic, with the last will <c>offline</c>.</summary>
    private static StationPublisher StartStation(HubFactory hub, string stationId, CancellationToken cancellationToken)
    {
        var options = new PublisherOptions { Port = hub.BrokerPort };
        var outbox = new OutboxOptions { Directory = Path.Combine(Path.GetDirectoryName(hub.DatabasePath)!, "station-outbox") };
        var publisher = new StationPublisher(stationId, hub.SecretOf(stationId), options, outbox, TimeProvider.System, NullLogger.Instance);
        _ = publisher.RunAsync(cancellationToken);
        return publisher;
    }

    [Test]
    public async Task GetLatest_NewestValuePerMetricWithUnitAndAge()
    {
        var now = DateTimeOffset.UtcNow;
        var store = _hub.Services.GetRequiredService<IReadingStore>();
        await store.WriteAsync(
        [
            new Reading(HubFactory.WaterStation, "ph", now.AddMinutes(-10), 7.2),
            new Reading(HubFactory.WaterStation, "ph", now.AddMinutes(-2), 7.3),
            new Reading(HubFactory.WaterStation, "turbidity", now.AddMinutes(-5), 3100, QaFlags.OutOfRange),
        ]);

        using var document = JsonDocument.Parse(await _http.GetStringAsync($"/api/v1/stations/{HubFactory.WaterStation}/latest"));
        var values = document.RootElement.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("metric").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(values["ph"].GetProperty("value").GetDouble(), Is.EqualTo(7.3));
            Assert.That(values["ph"].GetProperty("unit").GetString(), Is.EqualTo("pH"));
            Assert.That(values["ph"].GetProperty("ageSeconds").GetDouble(), Is.EqualTo(120).Within(30));
            Assert.That(values["turbidity"].GetProperty("flags")[0].GetString(), Is.EqualTo("out_of_range"));
        });
    }

    [Test]
    public async Task GetLatest_StoredInfinity_GivesNullForTheValue()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _hub.Services.GetRequiredService<IReadingStore>().WriteAsync([new Reading(HubFactory.AirStation, "temperature", at, 11.5)]);
        await StoredValues.OverwriteAsync(_hub.DatabasePath, HubFactory.AirStation, "temperature", at, double.PositiveInfinity);

        var response = await _http.GetAsync($"/api/v1/stations/{HubFactory.AirStation}/latest");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var value = document.RootElement.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("metric").GetString() == "temperature");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(value.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(value.GetProperty("unit").GetString(), Is.EqualTo("Cel"));
    }

    [TestCase("/api/v1/stations/nowhere-9")]
    [TestCase("/api/v1/stations/nowhere-9/latest")]
    public async Task UnknownStation_Is404Problem(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("No station 'nowhere-9' is registered"));
    }

    [Test]
    public async Task GetMetrics_ListsTheCatalogueWithUnits()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/metrics"));
        var metrics = document.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("unit").GetString());

        Assert.That(metrics, Has.Count.EqualTo(Moci.Telemetry.Metrics.MetricCatalogue.All.Count));
        Assert.That(metrics["conductivity"], Is.EqualTo("uS/cm"));
    }

    [Test]
    public async Task GetHealth_ReportsConnectedIntake()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/health"));

        Assert.That(document.RootElement.GetProperty("brokerConnected").GetBoolean(), Is.True);
        Assert.That(document.RootElement.GetProperty("totals").GetProperty("readingsStored").GetInt64(), Is.GreaterThanOrEqualTo(0));
    }
}
