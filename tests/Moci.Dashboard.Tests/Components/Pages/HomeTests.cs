using Moci.Dashboard.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Tests.Components.Pages;

public sealed class HomeTests
{
    [Test]
    public async Task Get_ListsEveryStationWithItsLatestValuesUnitsAndAge()
    {
        using var hub = new DashboardFactory();
        var now = DateTimeOffset.UtcNow;
        await hub.WriteAsync(
            new Reading(DashboardFactory.AirStation, "pm2_5", now.AddMinutes(-10), 30.04),
            new Reading(DashboardFactory.AirStation, "pm2_5", now.AddMinutes(-3), 17.26),
            new Reading(DashboardFactory.AirStation, "temperature", now.AddMinutes(-3), 11.5));

        var page = await hub.GetPageAsync("/");
        var air = page.QuerySelector($"article[data-station='{DashboardFactory.AirStation}']")!;
        var water = page.QuerySelector($"article[data-station='{DashboardFactory.WaterStation}']")!;
        var pm = air.QuerySelector("tr[data-metric='pm2_5']")!;

        Assert.Multiple(() =>
        {
            Assert.That(air.QuerySelector("h2 a")!.GetAttribute("href"), Is.EqualTo($"stations/{DashboardFactory.AirStation}"));
            Assert.That(pm.QuerySelector(".value")!.TextContent.Trim(), Is.EqualTo("17.3"));
            Assert.That(pm.QuerySelector(".unit")!.TextContent, Is.EqualTo("µg/m³"));
            Assert.That(air.QuerySelector(".age")!.TextContent, Is.EqualTo("3 min ago"));
            Assert.That(air.QuerySelectorAll("tr[data-metric]").Select(r => r.GetAttribute("data-metric")), Is.EqualTo(new[] { "pm2_5", "temperature" }));
            Assert.That(water.TextContent, Does.Contain("no readings yet"));
        });
    }

    [Test]
    public async Task Get_IsInteractiveSoValuesRefreshLive()
    {
        using var hub = new DashboardFactory();
        using var client = hub.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.That(html, Does.Contain("_framework/blazor.web.js"));
        Assert.That(html, Does.Contain("<!--Blazor:{\"type\":\"server\""), "the station board is an interactive server component");
    }

    [Test]
    public async Task Demo_Enabled_SimulatedStationsFillTheBoard()
    {
        using var hub = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Interval"] = "00:00:01",
            ["Demo:Backfill"] = "02:00:00",
        });
        await hub.StartAsync();

        var rows = await Eventually.Until(
            async () => (await hub.GetPageAsync("/")).QuerySelectorAll("article[data-station]")
                .ToDictionary(a => a.GetAttribute("data-station")!, a => a.QuerySelectorAll("tr[data-metric]").Length),
            board => board.Count == 2 && board.Values.All(n => n >= 6),
            TimeSpan.FromSeconds(30),
            board => string.Join(", ", board.Select(b => $"{b.Key}: {b.Value} metrics")));

        Assert.That(rows.Keys, Is.EquivalentTo(new[] { DashboardFactory.AirStation, DashboardFactory.WaterStation }));
        Assert.That(rows[DashboardFactory.AirStation], Is.EqualTo(7), "an air station reports 7 metrics");
        Assert.That(rows[DashboardFactory.WaterStation], Is.EqualTo(6), "a river station reports 6 metrics");
    }
}
