using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Moci.SystemTests.Support;

namespace Moci.SystemTests;

/// <summary>
/// Starts the hub exactly as the README says, as a separate process, and checks what a new user would:
/// the Production environment with the Blazor script served, demo stations with readings through the HTTP
/// API within a minute of the hub listening (the build that `dotnet run` does first is not the hub's doing, and
/// takes longer on a busy machine), the home page in a real headless Chromium with values that update by themselves,
/// and charts on a station page.
/// </summary>
[NonParallelizable]
public sealed class HubCommandTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    private string _folder = null!;
    private ChildProcess _hub = null!;
    private Stopwatch _sinceStart = null!;
    private HttpClient _http = null!;
    private TimeSpan _listeningAfter;
    private TimeSpan? _readyAfter;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        // Playwright's assertions wait 5 s by default, made for a developer's machine; CI runs these pages on two cores
        // beside a hub with demo stations (and other test processes). Waiting longer loses nothing when the page is right,
        // and a page that is wrong still fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        _folder = Path.Combine(Path.GetTempPath(), "moci-hub-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _sinceStart = Stopwatch.StartNew();
        _hub = Hub.RunReadmeCommand(_folder, FreePort.Next());
        var address = await _hub.Listening.WaitAsync(5 * Minute);
        _listeningAfter = _sinceStart.Elapsed;
        _http = new HttpClient { BaseAddress = address };
        _readyAfter = await WaitForStationsWithReadings(3, _listeningAfter + 2 * Minute) - _listeningAfter;
    }

    /// <summary>How long after the command started at least <paramref name="count"/> stations had readings; null if not before <paramref name="timeout"/> since the start.</summary>
    private async Task<TimeSpan?> WaitForStationsWithReadings(int count, TimeSpan timeout)
    {
        while (_sinceStart.Elapsed < timeout)
        {
            var withReadings = 0;
            using var stations = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/stations"));
            foreach (var station in stations.RootElement.EnumerateArray())
            {
                using var latest = JsonDocument.Parse(await _http.GetStringAsync($"/api/v1/stations/{station.GetProperty("id").GetString()}/latest"));
                withReadings += latest.RootElement.GetProperty("values").GetArrayLength() > 0 ? 1 : 0;
            }

            if (withReadings >= count)
            {
                return _sinceStart.Elapsed;
            }

            await Task.Delay(250);
        }

        return null;
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http?.Dispose();
        _hub.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public void ReadmeCommand_DemoReadingsReachTheApiWithinAMinuteOfListening()
    {
        TestContext.Out.WriteLine($"the hub listened {_listeningAfter.TotalSeconds:F1} s after the command started; 3 demo stations had readings {_readyAfter?.TotalSeconds:F1} s later");
        Assert.That(_readyAfter, Is.Not.Null.And.LessThan(Minute), $"Stations with readings only after {_readyAfter}. Hub output:\n{_hub.Output}");
    }

    [Test]
    public async Task ReadmeCommand_RunsInProductionAndServesTheBlazorScript()
    {
        var script = await _http.GetAsync("/_framework/blazor.web.js");
        var missing = await _http.GetAsync("/api/v1/nothing-here");

        Assert.That(_hub.Output, Does.Contain("Hosting environment: Production"), "the launch profile must not switch a school's hub to Development");
        Assert.That(script.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "interactive pages need the Blazor script");
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ReadmeCommand_ReadingsApiAnswersWithDemoData()
    {
        var response = await _http.GetFromJsonAsync<JsonElement>("/api/v1/readings?station=rrg-school-01&metric=pm2_5");

        Assert.That(response.GetProperty("readings").GetArrayLength(), Is.GreaterThan(100), "the demo sends a week of history at start");
    }

    [Test]
    public async Task ReadmeCommand_StationPageHasCharts()
    {
        var html = await _http.GetStringAsync("/stations/shk-river-01");

        Assert.That(html, Does.Contain("data-metric=\"turbidity\""));
        Assert.That(html.Split("<svg").Length - 1, Is.GreaterThanOrEqualTo(5), "a chart for each of the river station's metrics");
    }

    /// <summary>Debian's Chromium, headless, with the flags this machine's closed network needs (FACTS.md gotcha 7).</summary>
    private static Task<IBrowser> LaunchChromium(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    [Test]
    public async Task ReadmeCommand_StationPageInChromium_OpensFromHomeAndDrawsCharts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync(_http.BaseAddress!.ToString());
        await page.ClickAsync("article[data-station='shk-river-01'] h2 a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Shkumbin at the Rrogozhina bridge");
        var dayChart = page.Locator("section[data-metric='turbidity'] figure[data-range='24h'] svg");
        await Assertions.Expect(dayChart).ToBeVisibleAsync();
        var box = await dayChart.BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "station.png") });

        Assert.That(page.Url, Does.EndWith("/stations/shk-river-01"));
        Assert.That(box!.Height, Is.GreaterThan(150), "the chart is drawn at a readable size");
        Assert.That(await page.Locator("section[data-metric] figure svg").CountAsync(), Is.EqualTo(6), "a 24 h chart of each of six metrics");
        var axisLabel = await dayChart.Locator("text", new LocatorLocatorOptions { HasText = "Local time" }).BoundingBoxAsync();
        Assert.That(axisLabel!.Y + axisLabel.Height, Is.LessThanOrEqualTo(box.Y + box.Height + 1), "the time axis label lies inside the drawn chart, not clipped below it");
    }

    [Test]
    public async Task ReadmeCommand_StationPageInChromium_OneYearButtonDrawsTheYearFromHourlyPeriods()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync(new Uri(_http.BaseAddress!, "/stations/rrg-school-01").ToString());
        await page.ClickAsync("nav.ranges a[data-range='1y']");
        var yearChart = page.Locator("section[data-metric='pm2_5'] figure[data-range='1y'] svg");
        await Assertions.Expect(yearChart).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.ranges a[aria-current='page']")).ToHaveTextAsync("1 year");
        var box = await yearChart.BoundingBoxAsync();
        var png = page.Locator("section[data-metric='pm2_5'] a[data-format='png']");
        var image = await _http.GetAsync(await png.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "station-year.png") });

        Assert.That(page.Url, Does.EndWith("/stations/rrg-school-01?range=1y"));
        Assert.That(box!.Height, Is.GreaterThan(150), "the chart is drawn at a readable size");
        Assert.That(await yearChart.Locator("text", new LocatorLocatorOptions { HasText = "hourly range (band) and mean (line)" }).CountAsync(), Is.EqualTo(1), "a year is drawn from hourly periods");
        Assert.That(image.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "the PNG link of the chart shown works");
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    [Test]
    public async Task ReadmeCommand_HomePageInChromium_ListsStationsAndUpdatesLive()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromium(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(_http.BaseAddress!.ToString());
        var cards = page.Locator("article[data-station]");
        await Assertions.Expect(cards).ToHaveCountAsync(5);
        var firstValue = page.Locator("article[data-station='rrg-school-01'] tr[data-metric='pm2_5'] .value");
        var firstAge = page.Locator("article[data-station='rrg-school-01'] .age");
        await Assertions.Expect(firstValue).Not.ToBeEmptyAsync();
        var before = (await firstValue.TextContentAsync()) + "|" + (await firstAge.TextContentAsync());

        // The board refreshes itself every 5 s and the demo samples every 5 s: wait for the text to change
        // without reloading the page.
        var changed = false;
        for (var i = 0; i < 40 && !changed; i++)
        {
            await page.WaitForTimeoutAsync(500);
            changed = (await firstValue.TextContentAsync()) + "|" + (await firstAge.TextContentAsync()) != before;
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "home.png"), FullPage = true });
        Assert.That(changed, Is.True, "the home page values or ages update without a reload");
        Assert.That(errors, Is.Empty, "no errors in the browser console");
    }
}
