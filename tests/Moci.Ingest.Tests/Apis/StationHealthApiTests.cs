using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Apis;
using Moci.Ingest.Health;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

public sealed class StationHealthApiTests
{
    private HubFactory _hub = null!;
    private HttpClient _http = null!;
    private DateTimeOffset _at;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _hub = new HubFactory();
        await _hub.StartAsync();
        _http = _hub.CreateClient();
        _at = DateTimeOffset.UtcNow.AddMinutes(-2);
        var report = new StationHealth(
            HubFactory.AirStation, _at, 86412.3, 3600, 48.3, 12884901888,
            new OutboxHealth(480, 7200, 0),
            new ClockHealth("ntp", true),
            [
                new SensorHealth("air", "bme280", "ok", null, null, _at.AddSeconds(-10)),
                new SensorHealth("dust", "sds011", "missing", "cannot open /dev/ttyUSB0", _at.AddMinutes(-1), null),
            ]);
        await _hub.Services.GetRequiredService<StationHealthStore>().SaveAsync(report, _at.AddSeconds(1));
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Test]
    public async Task Get_StationWithAReport_GivesItWithWarningsInPlainWords()
    {
        var health = await _http.GetFromJsonAsync<StationHealthResponse>($"/api/v1/stations/{HubFactory.AirStation}/health", Json.Options);

        Assert.Multiple(() =>
        {
            Assert.That(health!.Station, Is.EqualTo(HubFactory.AirStation));
            Assert.That(health.ReceivedAt, Is.EqualTo(_at.AddSeconds(1)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(health.AgeSeconds, Is.InRange(110, 600));
            Assert.That(health.Report.Outbox, Is.EqualTo(new OutboxHealth(480, 7200, 0)));
            Assert.That(health.Report.Sensors.Select(s => (s.Name, s.State, s.LastError)), Is.EqualTo(new[]
            {
                ("air", "ok", (string?)null),
                ("dust", "missing", "cannot open /dev/ttyUSB0"),
            }));
            Assert.That(health.Warnings, Has.Count.EqualTo(2));
            Assert.That(health.Warnings[0], Does.StartWith("Sensor 'dust' (sds011) is missing"));
            Assert.That(health.Warnings[1], Does.Contain("waited 2 h"));
        });
    }

    [Test]
    public async Task Get_StationWithAReport_WritesTheReportInTheWireProtocolsNames()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync($"/api/v1/stations/{HubFactory.AirStation}/health"));
        var report = document.RootElement.GetProperty("report");

        Assert.That(report.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "station", "at", "uptimeSeconds", "bridgeUptimeSeconds", "cpuTemperatureCelsius", "diskFreeBytes", "outbox", "clock", "sensors",
        }));
        Assert.That(report.GetProperty("sensors")[1].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "name", "type", "state", "lastError", "lastErrorAt", "lastSampleAt",
        }));
    }

    [Test]
    public async Task Get_StationWithoutAReport_Is404SayingNoneCameYet()
    {
        using var response = await _http.GetAsync($"/api/v1/stations/{HubFactory.WaterStation}/health");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("No health report yet"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"moci/v1/{HubFactory.WaterStation}/health"));
    }

    [Test]
    public async Task Get_UnknownStation_Is404NamingIt()
    {
        using var response = await _http.GetAsync("/api/v1/stations/nobody-01/health");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Unknown station"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'nobody-01'"));
    }

    [Test]
    public async Task OpenApi_DescribesTheRouteWithItsAnswers()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/openapi/v1.json"));
        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/stations/{id}/health").GetProperty("get");

        Assert.That(get.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "404" }));
        Assert.That(get.GetProperty("summary").GetString(), Does.Contain("health report"));
    }
}
