using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
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
        Assert.That(svg, Does.Contain("viewBox=\"0 0 760 380\""), "scales to its column instead of being clipped");
    }

    [TestCase("turbidity.svg?range=5w", "range", "'5w' is not a length")]
    [TestCase("turbidity.png?from=yesterday", "from", "'yesterday' is not an ISO 8601 date and time")]
    [TestCase("turbidity.svg?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", "to", "must be after 'from'")]
    [TestCase("turbidity.svg?from=2026-11-25T00:00:00Z&range=7d", "range", "Give either 'from' or 'range'")]
    [TestCase("turbidity.svg?limits=who2005", "limits", "Unknown limit set 'who2005'")]
    [TestCase("nitrate.svg", "metric", "Unknown metric 'nitrate'")]
    public async Task GetChart_BadRequest_IsAProblemNamingTheParameter(string path, string parameter, string message)
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/{path}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), Does.Contain(message));
    }

    [Test]
    public async Task GetSvg_FromTo_TitleAndFootnoteStandOnTheirOwn()
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/turbidity.svg?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");
        var text = SvgText(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Contain("Shkumbin at the Rrogozhina bridge · Turbidity (NTU)"));
        Assert.That(text, Does.Contain("1 Jan 2026 – 1 Feb 2026 Europe/Tirane"), "the period in local dates");
        Assert.That(text, Does.Contain("Data: MOCI community stations · Licence: CC BY 4.0"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("shk-river-01_turbidity_2026-01-01_2026-02-01.svg"));
    }

    [Test]
    public async Task GetPng_IsAPngImageOfTheChartWithAFileName()
    {
        var response = await _http.GetAsync($"/api/v1/charts/{DashboardFactory.WaterStation}/turbidity.png?range=7d");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(760), "width");
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(380), "height");
        Assert.That(png, Has.Length.GreaterThan(10_000), "a drawn chart, not an empty image");
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Does.Match(@"^shk-river-01_turbidity_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$"));
    }

    [Test]
    public async Task GetSvg_WeekWithAFlaggedOutlier_ScalesToTheValidReadingsAndCountsIt()
    {
        var now = DateTimeOffset.UtcNow;
        var week = Enumerable.Range(1, 7 * 24).Select(i => i == 50
            ? new Reading(DashboardFactory.AirStation, "pm2_5", now.AddHours(-i), 950, QaFlags.OutOfRange)
            : new Reading(DashboardFactory.AirStation, "pm2_5", now.AddHours(-i), 8 + i % 23)).ToArray();
        await _hub.WriteAsync(week);

        var svg = await _http.GetStringAsync($"/api/v1/charts/{DashboardFactory.AirStation}/pm2_5.svg?range=7d&limits=none");
        var ticks = SvgText(svg).Split('\n').Where(t => double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.That(ticks, Is.Not.Empty);
        Assert.That(ticks.Max(), Is.LessThanOrEqualTo(40), "the value axis ends near the valid maximum of 30, not at 1000");
        Assert.That(SvgText(svg), Does.Contain("1 flagged reading above the scale, up to 950.0 µg/m³"));
    }

    [Test]
    public async Task GetSvg_Pm25ByDefault_DrawsTheWhoDailyGuideline()
    {
        var svg = await _http.GetStringAsync($"/api/v1/charts/{DashboardFactory.AirStation}/pm2_5.svg?range=7d");

        Assert.That(SvgText(svg), Does.Contain("WHO 2021 24-h guideline 15 µg/m³"));
    }

    /// <summary>The text elements of an SVG, one per line.</summary>
    private static string SvgText(string svg) =>
        string.Join('\n', Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));

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
