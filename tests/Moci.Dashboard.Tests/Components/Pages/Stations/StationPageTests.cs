using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Moci.Dashboard.Tests.Support;
using Moci.Ingest.Health;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Tests.Components.Pages.Stations;

public sealed class StationPageTests
{
    private DashboardFactory _hub = null!;
    private DateTimeOffset _now;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _hub = new DashboardFactory();
        _now = DateTimeOffset.UtcNow;

        // 48 half-hourly PM2.5 values over the last day, a burning peak of 180 among them, and 3 days more
        // of hourly values before that; one flagged humidity value.
        var day = Enumerable.Range(1, 48).Select(i => new Reading(DashboardFactory.AirStation, "pm2_5", _now.AddMinutes(-30 * i + 5), i == 10 ? 180 : 12 + i % 5));
        var before = Enumerable.Range(25, 72).Select(i => new Reading(DashboardFactory.AirStation, "pm2_5", _now.AddHours(-i), 20));
        await _hub.WriteAsync([.. day, .. before, new Reading(DashboardFactory.AirStation, "humidity", _now.AddMinutes(-1), 101, QaFlags.OutOfRange)]);
    }

    [OneTimeTearDown]
    public void Stop() => _hub.Dispose();

    /// <summary>Vertices of the data line(s) in a chart: ScottPlot draws them in the line colour.</summary>
    private static int DataVertices(IElement svg) => svg.QuerySelectorAll("path[stroke='#1B6CA8']")
        .Sum(p => Regex.Matches(p.GetAttribute("d")!, "[ML]").Count);

    /// <summary>The numbers printed on the value axis.</summary>
    private static IEnumerable<double> TickValues(IElement svg) => svg.QuerySelectorAll("text")
        .Select(t => t.TextContent.Trim())
        .Where(t => double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _))
        .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public async Task Get_StationWithData_HasAnSvgChartOfTheLastDayWithTheReadings()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}");
        var section = page.QuerySelector("section[data-metric='pm2_5']");

        Assert.That(section, Is.Not.Null, "a section for PM2.5");
        var day = section!.QuerySelector("figure[data-range='24h']")!;
        var daySvg = day.QuerySelector("svg")!;
        Assert.Multiple(() =>
        {
            Assert.That(daySvg, Is.Not.Null);
            Assert.That(section.QuerySelectorAll("figure"), Has.Length.EqualTo(1), "one chart per metric, of the chosen range");
            Assert.That(day.QuerySelector("figcaption")!.TextContent, Does.Contain("48 readings"));
            Assert.That(DataVertices(daySvg), Is.EqualTo(48), "every reading of the day is a vertex");
            Assert.That(daySvg.TextContent, Does.Contain("PM2.5 (µg/m³)"), "unit on the value axis");
            Assert.That(daySvg.TextContent, Does.Contain("Local time (Europe/Tirane)"));
            Assert.That(daySvg.TextContent, Does.Contain("Rrogozhina high school roof · PM2.5 (µg/m³)"), "the title names the station");
            Assert.That(daySvg.TextContent, Does.Contain("WHO 2021 24-h guideline 15 µg/m³"), "the default limit set");
            Assert.That(TickValues(daySvg).Max(), Is.GreaterThanOrEqualTo(150), "the value axis reaches up to the 180 µg/m³ peak");
        });
    }

    [Test]
    public async Task Get_Station_OffersFourRangesWithTheShownOneMarked()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}?range=30d");
        var buttons = page.QuerySelectorAll("nav.ranges a[data-range]");

        Assert.That(buttons.Select(b => b.TextContent), Is.EqualTo(new[] { "24 h", "7 days", "30 days", "1 year" }));
        Assert.That(buttons.Select(b => b.GetAttribute("href")), Is.EqualTo(new[] { "24h", "7d", "30d", "1y" }.Select(r => $"stations/{DashboardFactory.AirStation}?range={r}")));
        Assert.That(page.QuerySelector("nav.ranges a[aria-current='page']")!.GetAttribute("data-range"), Is.EqualTo("30d"));
        Assert.That(page.QuerySelector("section[data-metric='pm2_5'] figure[data-range='30d'] svg"), Is.Not.Null);
    }

    [Test]
    public async Task Get_StationWeek_DrawsTheWeeksReadings()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}?range=7d");
        var week = page.QuerySelector("section[data-metric='pm2_5'] figure[data-range='7d']")!;

        Assert.That(week.QuerySelector("figcaption")!.TextContent, Does.Contain("120 readings"));
        Assert.That(week.QuerySelector("svg"), Is.Not.Null);
    }

    [Test]
    public async Task Get_StationYear_DrawsHourlyBandsAndMeans()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}?range=1y");
        var year = page.QuerySelector("section[data-metric='pm2_5'] figure[data-range='1y']")!;
        var svg = year.QuerySelector("svg")!;

        Assert.That(year.QuerySelector("figcaption")!.TextContent, Does.Contain("120 readings · hourly range (band) and mean (line)"));
        Assert.That(svg.TextContent, Does.Contain("hourly range (band) and mean (line)"));
        Assert.That(svg.QuerySelectorAll("path[fill]").Any(p => p.GetAttribute("fill")!.StartsWith("#1B6CA8", StringComparison.OrdinalIgnoreCase)), Is.True, "a min–max band");
    }

    [Test]
    public async Task Get_Station_DownloadLinksGiveTheChartShown()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}?range=7d&limits=eu2030");
        var png = page.QuerySelector("section[data-metric='pm2_5'] a[data-format='png']")!.GetAttribute("href")!;
        var svg = page.QuerySelector("section[data-metric='pm2_5'] a[data-format='svg']")!.GetAttribute("href")!;
        using var client = _hub.CreateClient();

        var image = await client.GetAsync("/" + png);
        var drawing = await client.GetStringAsync("/" + svg);

        Assert.That(png, Does.StartWith($"api/v1/charts/{DashboardFactory.AirStation}/pm2_5.png?from=").And.EndWith("&limits=eu2030"));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(image.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(drawing, Does.Contain("EU 2024/2881 (2030) 24-h limit"));
    }

    [Test]
    public async Task Get_Station_ShowsLatestValueAndFlag()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}");
        var humidity = page.QuerySelector("section[data-metric='humidity'] .now")!;

        Assert.That(humidity.TextContent, Does.Contain("101 %"));
        Assert.That(humidity.QuerySelector(".flag"), Is.Not.Null);
    }

    [Test]
    public async Task Get_HubTimedReadingOfAKit_IsNotShownAsFlagged()
    {
        await _hub.WriteAsync(new Reading(DashboardFactory.AirStation, "pressure", _now.AddMinutes(-1), 1006.1, QaFlags.HubTimed));

        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}");
        var pressure = page.QuerySelector("section[data-metric='pressure'] .now")!;

        Assert.That(pressure.TextContent, Does.Contain("1006.1 hPa"));
        Assert.That(pressure.QuerySelector(".flag"), Is.Null, "arrival time is provenance, not a doubt about the value");
    }

    [Test]
    public async Task Get_StationWithoutReadings_SaysSo()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.WaterStation}");

        Assert.That(page.QuerySelectorAll("svg"), Is.Empty);
        Assert.That(page.Body!.TextContent, Does.Contain("has not sent any readings yet"));
        Assert.That(page.QuerySelector("h1")!.TextContent, Is.EqualTo("Shkumbin at the Rrogozhina bridge"));
    }

    [Test]
    public async Task Get_StationWithRejectedMessages_SaysHowManyAndWhy()
    {
        using var hub = new DashboardFactory();
        var store = hub.Services.GetRequiredService<DeadLetterStore>();
        await store.AddAsync(
        [
            new DeadLetter(DateTimeOffset.UtcNow.AddMinutes(-9), "moci/v1/shk-river-01/senml", DashboardFactory.WaterStation, "invalid SenML pack: not valid JSON", [1]),
            new DeadLetter(DateTimeOffset.UtcNow.AddMinutes(-2), "moci/v1/shk-river-01/senml", DashboardFactory.WaterStation, "unknown metric 'nitrate'", [2]),
        ]);

        var page = await hub.GetPageAsync($"/stations/{DashboardFactory.WaterStation}");
        var notice = page.QuerySelector(".rejected")!;

        Assert.That(notice.TextContent, Does.Contain("2 messages from this station could not be stored"));
        Assert.That(notice.QuerySelector("q")!.TextContent, Is.EqualTo("unknown metric 'nitrate'"));
        Assert.That(notice.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo($"api/v1/dead-letters?station={DashboardFactory.WaterStation}"));
    }

    [Test]
    public async Task Get_StationWithAStoredInfinity_StillDrawsItsCharts()
    {
        using var hub = new DashboardFactory();
        var now = DateTimeOffset.UtcNow;
        var readings = Enumerable.Range(1, 10).Select(i => new Reading(DashboardFactory.WaterStation, "ph", now.AddMinutes(-10 * i), 7 + i / 10.0)).ToArray();
        await hub.WriteAsync(readings);
        await StoredValues.OverwriteAsync(hub.DatabasePath, DashboardFactory.WaterStation, "ph", readings[0].Timestamp, double.PositiveInfinity);
        await StoredValues.OverwriteAsync(hub.DatabasePath, DashboardFactory.WaterStation, "ph", readings[5].Timestamp, double.NegativeInfinity);

        using var client = hub.CreateClient();
        var response = await client.GetAsync($"/stations/{DashboardFactory.WaterStation}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var day = page.QuerySelector("section[data-metric='ph'] figure[data-range='24h']");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(day?.QuerySelector("svg"), Is.Not.Null);
        Assert.That(DataVertices(day!.QuerySelector("svg")!), Is.EqualTo(8), "the finite readings are drawn");
    }

    [Test]
    public async Task Get_StationWithoutRejectedMessages_ShowsNoNotice()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}");

        Assert.That(page.QuerySelector(".rejected"), Is.Null);
    }

    [Test]
    public async Task Get_StationWithAHealthReport_ShowsThePanelWithWhatIsWrongHighlighted()
    {
        using var hub = new DashboardFactory();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);

        // Written by another connection to the hub's file, as an ingest in another process would: the page reads the database.
        using (var ingest = new StationHealthStore(hub.DatabasePath))
        {
            await ingest.SaveAsync(new StationHealth(
                DashboardFactory.AirStation, at, 90_000, 3_600, 51.2, 12_884_901_888,
                new OutboxHealth(480, 7_200, 12),
                new ClockHealth("none", false),
                [
                    new SensorHealth("air", "bme280", "ok", null, null, at.AddSeconds(-10)),
                    new SensorHealth("dust", "sds011", "failing", "no frame within 3 s", at.AddMinutes(-1), null),
                ]), at);
        }

        var page = await hub.GetPageAsync($"/stations/{DashboardFactory.AirStation}");
        var panel = page.QuerySelector("section.health")!;
        string Figure(string name) => panel.QuerySelector($"[data-figure='{name}'] dd")!.TextContent.Trim();

        Assert.Multiple(() =>
        {
            Assert.That(panel.GetAttribute("data-health"), Is.EqualTo("warn"));
            Assert.That(panel.QuerySelector("h2")!.TextContent, Is.EqualTo("Station health"));
            Assert.That(panel.QuerySelectorAll(".warnings li").Select(li => li.TextContent), Has.Exactly(4).Items
                .And.Some.StartsWith("Sensor 'dust' (sds011) is failing (its last read failed): no frame within 3 s")
                .And.Some.StartsWith("12 readings were dropped")
                .And.Some.Contains("has waited 2 h")
                .And.Some.StartsWith("The station's clock is not synchronised (source: none)"));
            Assert.That(Figure("reported"), Is.EqualTo("3 min ago"));
            Assert.That(Figure("outbox"), Does.StartWith("480 waiting, oldest 2 h 0 min"));
            Assert.That(Figure("dropped"), Is.EqualTo("12"));
            Assert.That(Figure("clock"), Is.EqualTo("none, not synchronised"));
            Assert.That(Figure("disk"), Is.EqualTo("12.0 GiB"));
            Assert.That(panel.QuerySelectorAll(".figures .warn").Select(f => f.GetAttribute("data-figure")), Is.EquivalentTo(new[] { "outbox", "dropped", "clock" }));
            Assert.That(panel.QuerySelector("tr[data-sensor='dust']")!.ClassList, Does.Contain("warn"));
            Assert.That(panel.QuerySelector("tr[data-sensor='dust'] .error")!.TextContent, Does.Contain("no frame within 3 s"));
            Assert.That(panel.QuerySelector("tr[data-sensor='air']")!.ClassList, Does.Not.Contain("warn"));
            Assert.That(panel.QuerySelector("tr[data-sensor='air'] .state")!.TextContent, Is.EqualTo("ok"));
        });
    }

    [Test]
    public async Task Get_HealthyStation_ShowsThePanelWithoutWarnings()
    {
        using var hub = new DashboardFactory();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await hub.Services.GetRequiredService<StationHealthStore>().SaveAsync(new StationHealth(
            DashboardFactory.WaterStation, at, 500, 400, null, null,
            new OutboxHealth(2, 40, 0),
            new ClockHealth("gps", true),
            [new SensorHealth("ph", "ph", "ok", "an old error, recovered since", at.AddHours(-2), at)]), at);

        var page = await hub.GetPageAsync($"/stations/{DashboardFactory.WaterStation}");
        var panel = page.QuerySelector("section.health")!;

        Assert.That(panel.GetAttribute("data-health"), Is.EqualTo("ok"));
        Assert.That(panel.QuerySelector(".warnings"), Is.Null);
        Assert.That(panel.QuerySelectorAll(".warn"), Is.Empty);
        Assert.That(panel.QuerySelector("[data-figure='cpu']"), Is.Null, "no thermal zone, no figure");
        Assert.That(panel.QuerySelector("[data-figure='clock'] dd")!.TextContent.Trim(), Is.EqualTo("gps, synchronised"));
    }

    [Test]
    public async Task Get_DemoStationOfAFreshHub_ShowsTheHealthItReports()
    {
        using var hub = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Interval"] = "00:00:01",
            ["Demo:Backfill"] = "02:00:00",
        });
        await hub.StartAsync();
        async Task<IElement> PanelAsync(string station) =>
            (await hub.GetPageAsync($"/stations/{station}")).QuerySelector("section.health")!;

        var first = await Eventually.Until(
            () => PanelAsync(DashboardFactory.WaterStation), p => p.GetAttribute("data-health") != "none", TimeSpan.FromSeconds(30), p => p.TextContent.Trim());
        // The report made at connection counts the two hours of history still waiting; the one after their delivery has nothing to warn about.
        var settled = await Eventually.Until(
            () => PanelAsync(DashboardFactory.AirStation), p => p.GetAttribute("data-health") == "ok", TimeSpan.FromSeconds(30), p => p.TextContent.Trim());

        Assert.That(first.QuerySelector("[data-figure='clock'] dd")!.TextContent.Trim(), Is.EqualTo("system, synchronised"));
        Assert.That(first.QuerySelectorAll("tr[data-sensor]").Select(r => (r.GetAttribute("data-sensor"), r.QuerySelector(".state")!.TextContent)),
            Is.EqualTo(new[] { ("water-temp", "ok"), ("river-ph", "ok"), ("river-ec", "ok"), ("river-turbidity", "ok"), ("river-do", "ok"), ("battery", "ok") }));
        Assert.That(settled.QuerySelector(".warnings"), Is.Null);
        Assert.That(settled.QuerySelectorAll("tr[data-sensor]").Select(r => r.GetAttribute("data-sensor")), Is.EqualTo(new[] { "air", "dust", "co2" }));
    }

    [Test]
    public async Task Get_StationWithoutAHealthReport_SaysNoneCameYet()
    {
        var page = await _hub.GetPageAsync($"/stations/{DashboardFactory.WaterStation}");
        var panel = page.QuerySelector("section.health")!;

        Assert.That(panel.GetAttribute("data-health"), Is.EqualTo("none"));
        Assert.That(panel.TextContent, Does.Contain("No health report yet"));
    }

    [Test]
    public async Task Get_UnknownStation_Is404()
    {
        using var client = _hub.CreateClient();

        var response = await client.GetAsync("/stations/nowhere-9");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Not found"));
    }
}
