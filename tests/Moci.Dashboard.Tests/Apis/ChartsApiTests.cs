using System.Net;
using Moci.Dashboard.Tests.Support;
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
    public async Task GetSvg_ReturnsAnSvgFileWithTheChart(string range)
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/turbidity.svg?range={range}");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(svg, Does.Contain("<svg").And.Contain("Turbidity (NTU)").And.Contain("stroke=\"#1B6CA8\""));
        Assert.That(svg, Does.Contain("viewBox=\"0 0 760 280\""), "scales to its column instead of being clipped");
    }

    [TestCase("turbidity.svg?range=1y", HttpStatusCode.BadRequest, "Unknown range '1y'")]
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
}
