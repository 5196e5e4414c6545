using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moci.Ingest.Exports;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Apis;

public sealed class ExportApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private HubFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Exports:Attribution"] = "Rrogozhina school, MOCI",
            ["Exports:TimeZone"] = "Europe/Berlin",
        });
        await _hub.StartAsync();
        _http = _hub.CreateClient();
        var readings = Enumerable.Range(0, 4).Select(i => new Reading(HubFactory.AirStation, "pm2_5", T0.AddHours(i), 10.5 + i))
            .Concat(Enumerable.Range(0, 4).Select(i => new Reading(HubFactory.AirStation, "temperature", T0.AddHours(i), -2.5 - i)))
            .Append(new Reading(HubFactory.WaterStation, "water_temperature", T0.AddHours(1), 7.25))
            .ToList();
        await _hub.Services.GetRequiredService<IReadingStore>().WriteAsync(readings);
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Test]
    public async Task Get_Csv_IsADownloadWithLicenceLinkAndAMeaningfulName()
    {
        var response = await _http.GetAsync("/api/v1/export?station=rrg-school-01,shk-river-01&metric=pm2_5,water_temperature&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("moci_rrg-school-01-shk-river-01_pm2_5-water_temperature_20261124T0000Z_20261125T0000Z.csv"));
            Assert.That(response.Headers.GetValues("Link").Single(), Is.EqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\""));
            Assert.That(text, Does.StartWith("# Licence: CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/> - credit: Rrogozhina school  MOCI\r\n"));
        });
    }

    [Test]
    public async Task Get_SeveralStationsAndMetrics_GivesEverySeriesInOneFile()
    {
        var bytes = await _http.GetByteArrayAsync("/api/v1/export?station=rrg-school-01,shk-river-01&metric=pm2_5,temperature,water_temperature&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z");

        using var csv = CsvReader.Create(bytes, CsvDialects.ReaderOptions(CsvDialect.Rfc4180));
        var series = new List<string>();
        while (csv.Read())
        {
            series.Add($"{csv.GetString(0)}/{csv.GetString(4)}={csv.Parse<double>(7)}@{csv.GetString(6)}");
        }

        Assert.That(series, Is.EqualTo(new[]
        {
            "rrg-school-01/pm2_5=10.5@2026-11-24T01:00:00.000+01:00", "rrg-school-01/pm2_5=11.5@2026-11-24T02:00:00.000+01:00",
            "rrg-school-01/pm2_5=12.5@2026-11-24T03:00:00.000+01:00", "rrg-school-01/pm2_5=13.5@2026-11-24T04:00:00.000+01:00",
            "rrg-school-01/temperature=-2.5@2026-11-24T01:00:00.000+01:00", "rrg-school-01/temperature=-3.5@2026-11-24T02:00:00.000+01:00",
            "rrg-school-01/temperature=-4.5@2026-11-24T03:00:00.000+01:00", "rrg-school-01/temperature=-5.5@2026-11-24T04:00:00.000+01:00",
            "shk-river-01/water_temperature=7.25@2026-11-24T02:00:00.000+01:00",
        }));
    }

    [Test]
    public async Task Get_SpreadsheetWide_HasBomSemicolonsDecimalCommaAndTheTimeZoneAsked()
    {
        var response = await _http.GetAsync("/api/v1/export?station=rrg-school-01&metric=pm2_5,temperature&from=2026-11-24T00:00:00Z&to=2026-11-24T02:00:00Z&layout=wide&dialect=spreadsheet&tz=Europe/Tirane");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n").SkipWhile(line => line.StartsWith('#')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Does.EndWith("_wide.csv"));
            Assert.That(lines[1], Is.EqualTo("2026-11-24 00:00:00;2026-11-24 01:00:00;10,5;;-2,5;"));
            Assert.That(lines[2], Is.EqualTo("2026-11-24 01:00:00;2026-11-24 02:00:00;11,5;;-3,5;"));
        });
    }

    [Test]
    public async Task Get_Json_IsADownloadWithLicence()
    {
        var response = await _http.GetAsync("/api/v1/export?station=shk-river-01&metric=water_temperature&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z&format=json");
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Does.EndWith(".json"));
            Assert.That(response.Headers.GetValues("Link").Single(), Does.Contain("rel=\"license\""));
            Assert.That(document.RootElement.GetProperty("licence").GetProperty("attribution").GetString(), Is.EqualTo("Rrogozhina school, MOCI"));
            Assert.That(document.RootElement.GetProperty("rows")[0].GetProperty("value").GetDouble(), Is.EqualTo(7.25));
        });
    }

    [TestCase("metric=pm2_5", "station")]
    [TestCase("station=rrg-school-01,nowhere-9&metric=pm2_5", "station")]
    [TestCase("station=rrg-school-01&metric=pm2_5,pm3", "metric")]
    [TestCase("station=rrg-school-01&metric=pm2_5&layout=tall", "layout")]
    [TestCase("station=rrg-school-01&metric=pm2_5&dialect=excel", "dialect")]
    [TestCase("station=rrg-school-01&metric=pm2_5&tz=Mars/Olympus", "tz")]
    [TestCase("station=rrg-school-01&metric=pm2_5&from=soon", "from")]
    public async Task Get_BadParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        var response = await _http.GetAsync($"/api/v1/export?{query}");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { parameter }));
        });
    }

    [Test]
    public void Start_LicenceUrlNotAUrl_StopsTheHostNamingTheSetting()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Exports:LicenceUrl"] = "see our website" });

        var failure = Assert.Throws<OptionsValidationException>(() => _ = hub.Server);

        Assert.That(failure!.Message, Does.Contain("Exports:LicenceUrl"));
    }
}
