using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Dashboard.Tests.Support;

/// <summary>
/// The hub as the dashboard hosts it (ingest in-process, embedded broker on a free port, SQLite in a temp
/// folder), with two stations and, unless asked for, no demo stations, so tests control the data.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    public const string AirStation = "rrg-school-01";
    public const string WaterStation = "shk-river-01";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "moci-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public DashboardFactory(IDictionary<string, string?>? overrides = null)
    {
        Directory.CreateDirectory(_folder);
        _settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = DatabasePath,
            ["Demo:Enabled"] = "false",
            ["Stations:0:Id"] = AirStation,
            ["Stations:0:Name"] = "Rrogozhina high school roof",
            ["Stations:0:Kind"] = "Air",
            ["Stations:0:Latitude"] = "41.0768",
            ["Stations:0:Longitude"] = "19.6662",
            ["Stations:0:Initiative"] = "Rrogozhina Environmental Monitoring Youth",
            ["Stations:1:Id"] = WaterStation,
            ["Stations:1:Name"] = "Shkumbin at the Rrogozhina bridge",
            ["Stations:1:Kind"] = "Water",
            ["Stations:1:Latitude"] = "41.0702",
            ["Stations:1:Longitude"] = "19.6528",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The hub's SQLite file.</summary>
    public string DatabasePath => Path.Combine(_folder, "hub.db");

    public Task WriteAsync(params Reading[] readings) => Services.GetRequiredService<IReadingStore>().WriteAsync(readings);

    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        using var client = CreateClient();
        var html = await client.GetStringAsync(path);
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Waits until the ingest is subscribed at its embedded broker.</summary>
    public Task StartAsync() => Services.GetRequiredService<MqttIntake>().Subscribed.WaitAsync(TimeSpan.FromSeconds(15));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            // The tests own the whole configuration: arrays such as Stations would otherwise merge
            // index by index with the hub's appsettings.json.
            configuration.Sources.Clear();
            configuration.AddInMemoryCollection(_settings);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
