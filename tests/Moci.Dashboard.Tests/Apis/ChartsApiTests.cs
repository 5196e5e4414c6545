using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moci.Dashboard.Tests.Support;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Tests.Apis;

public sealed class ChartsApiTests
{
    private DashboardFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _hub = new DashboardFactory();
        _http = _hub.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await _hub.WriteAsync(Enumerable.Range(1, 20).Select(i => new Reading(DashboardFactory.WaterStation, "turbidity", now.AddHours(-i), 10 * i)).ToArray());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [TestCase("24h")]
    [TestCase("7d")]
    [TestCase("30d")]
    [TestCase("1y")]
    public async Task GetSvg_ReturnsAnSvgFileWithTheChart(string range)
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/turbidity.svg?range={range}");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(svg, Does.Contain("<svg").And.Contain("Turbidity (NTU)").And.Contain("stroke=\"#1B6CA8\""));
        Assert.That(svg, Does.Contain("viewBox=\"0 0 760 280\""), "scales to its column instead of being clipped");
    }

    [TestCase("turbidity.svg?range=5y", HttpStatusCode.BadRequest, "Unknown range '5y'")]
    [TestCase("nitrate.svg", HttpStatusCode.BadRequest, "Unknown metric 'nitrate'")]
    public async Task GetSvg_BadRequest_SaysWhat(string path, HttpStatusCode status, string message)
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/{path}");

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
    }

    [Test]
    public async Task GetSvg_UnknownStation_Is404()
    {
        var response = await _http.GetAsync("/api/v1/charts/nowhere-9/ph.svg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GetSvg_Year_DrawsFromHourlyRollupsWithoutScanningReadings()
    {
        // A reading every 10 minutes for a year of the air station: 52 560 readings, 8 760 hours.
        var now = DateTimeOffset.UtcNow;
        var readings = Enumerable.Range(1, 365 * 24 * 6).Select(i => new Reading(DashboardFactory.AirStation, "pm10", now.AddMinutes(-10 * i), 20 + i % 7)).ToArray();
        foreach (var chunk in readings.Chunk(10_000))
        {
            await _hub.WriteAsync(chunk);
        }

        var store = _hub.Services.GetRequiredService<SqliteReadingStore>();
        var before = store.RowsRead;
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.AirStation}/pm10.svg?range=1y");
        var read = store.RowsRead - before;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(read.Readings, Is.Zero, "no readings scanned for a year's chart");
        Assert.That(read.HourRollups, Is.InRange(365 * 24, 366 * 24), "one hourly rollup per hour of the year");
        Assert.That(read.IntervalSamples, Is.LessThanOrEqualTo(2 * (SqliteReadingStore.IntervalSample + 1)), "only the newest readings, for the usual interval (of the station, for online; of the series, for completeness)");
    }
}
