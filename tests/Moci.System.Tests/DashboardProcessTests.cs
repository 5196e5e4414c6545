using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Moci.Kit.Options;
using Moci.SystemTests.Support;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests;

/// <summary>
/// Dashboards as processes of their own: an ingest with its embedded broker stores what real stations send, and two
/// dashboard processes (<c>Intake__Enabled=false</c>) over the same database file serve the same station pages, online
/// from the store, and each station's connection state as the ingest recorded it, with no intake, broker or demo
/// stations of their own.
/// </summary>
[NonParallelizable]
public sealed partial class DashboardProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private const int Minutes = 120;

    private static readonly (string Id, StationKind Kind)[] Stations =
    [
        ("rrg-school-01", StationKind.Air),
        ("shk-river-01", StationKind.Water),
    ];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "moci-dashboards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Database => Path.Combine(_folder, "hub.db");

    [Test]
    public async Task TwoDashboardProcesses_OverOneHubsDatabase_ServeTheSameStationPages()
    {
        var secrets = new Dictionary<string, string>();
        foreach (var (id, kind) in Stations)
        {
            secrets[id] = await MociCommand.AddStationAsync(Database, id, kind.ToString().ToLowerInvariant());
        }

        var port = FreePort.Next();
        using var ingest = Hub.RunIngest(new Dictionary<string, string>
        {
            ["Broker__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Storage__DatabasePath"] = Database,
        });
        await IngestApi.WaitUntilReadyAsync(ingest, Timeout);

        // Two hours of one-minute samples up to a minute ago: recent enough to count as reporting, far from the edges
        // of the pages' periods, so that both dashboards draw the same whatever second each is asked.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-Minutes);
        using (var fleet = new StationFleet(Stations.Select(s => (s.Id, s.Kind, secrets[s.Id])), new PublisherOptions { Host = "127.0.0.1", Port = port }, start))
        {
            fleet.Send(Minutes);
            await fleet.DrainedAsync(Timeout);
        }

        using var first = StartDashboard();
        using var second = StartDashboard();
        var firstAddress = await first.Listening.WaitAsync(Timeout);
        var secondAddress = await second.Listening.WaitAsync(Timeout);

        foreach (var (id, kind) in Stations)
        {
            var firstPage = await StationPageAsync(firstAddress, id);
            var secondPage = await StationPageAsync(secondAddress, id);

            Assert.That(secondPage, Is.EqualTo(firstPage), id);
            Assert.That(firstPage.Online, Is.EqualTo("online"), $"{id}: reporting, from the store\n{first.Output}");
            Assert.That(firstPage.Sections, Has.Count.EqualTo(Moci.Kit.Simulation.StationSimulator.MetricsOf(kind).Count), $"{id}\n{firstPage.Html}");
            Assert.That(firstPage.Sections, Has.All.Contain($"· {Minutes} readings ·"), id);
        }

        // Only the registry the hub keeps: the dashboard's configured demo stations were not added to it.
        Assert.That(await StationIdsAsync(firstAddress), Is.EquivalentTo(Stations.Select(s => s.Id)));
        Assert.That(await StationIdsAsync(secondAddress), Is.EquivalentTo(Stations.Select(s => s.Id)));
        // Connected, from the status topic as the ingest recorded it in the file: each station said offline as the fleet stopped.
        var offline = Stations.Select(s => $"{s.Id}: False").Order(StringComparer.Ordinal).ToArray();
        var firstConnected = await Eventually.ReachesAsync(() => ConnectedAsync(firstAddress), c => c.SequenceEqual(offline), Timeout, "stations offline at dashboard 1");
        Assert.That(firstConnected, Is.EqualTo(offline));
        Assert.That(await ConnectedAsync(secondAddress), Is.EqualTo(offline));
        Assert.That(first.Output, Does.Not.Contain("MQTT broker"), "neither an embedded broker nor an intake");
        Assert.That(ingest.HasExited, Is.False, ingest.Output);
    }

    private ChildProcess StartDashboard() => Hub.RunDashboard(new Dictionary<string, string>
    {
        ["Intake__Enabled"] = "false",
        ["Broker__Embedded"] = "false",
        ["Storage__DatabasePath"] = Database,
    });

    /// <summary>What a station page shows: the online badge, and per metric its latest value and the chart's caption.</summary>
    private static async Task<StationPage> StationPageAsync(Uri dashboard, string id)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        var html = await http.GetStringAsync($"/stations/{id}");
        var online = BadgeLine().Match(html) is { Success: true } badge ? badge.Groups["state"].Value : "none";
        var sections = SectionLine().Matches(html)
            .Select(m => Regex.Replace($"{m.Groups["metric"].Value}: {m.Groups["now"].Value} | {m.Groups["caption"].Value}", @"\s+", " "))
            .ToList();
        return new StationPage(online, sections) { Html = html };
    }

    private static async Task<string[]> StationIdsAsync(Uri dashboard)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/stations"));
        return [.. document.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    /// <summary>Each station's <c>online</c> from <c>/api/v1/stations</c>, as "id: True/False/Null", by id.</summary>
    private static async Task<string[]> ConnectedAsync(Uri dashboard)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/stations"));
        return [.. document.RootElement.EnumerateArray()
            .Select(s => $"{s.GetProperty("id").GetString()}: {s.GetProperty("online").ValueKind}")
            .Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("""class="badge (?<state>online|offline)""")]
    private static partial Regex BadgeLine();

    // Scoped CSS adds an attribute (b-…) to each element of the page, hence [^>]*.
    [GeneratedRegex("""<section class="metric" id="(?<metric>[^"]+)"[\s\S]*?<span class="now"[^>]*>(?<now>[\s\S]*?)</span>[\s\S]*?<figcaption[^>]*>(?<caption>[\s\S]*?)</figcaption>""")]
    private static partial Regex SectionLine();

    private sealed record StationPage(string Online, List<string> Sections)
    {
        /// <summary>The whole page, for failure messages; not compared (it holds per-process Blazor markers).</summary>
        public string Html { get; init; } = "";

        public bool Equals(StationPage? other) => other is not null && Online == other.Online && Sections.SequenceEqual(other.Sections);

        public override int GetHashCode() => Online.GetHashCode(StringComparison.Ordinal);

        public override string ToString() => $"{Online}; {string.Join("; ", Sections)}";
    }
}
