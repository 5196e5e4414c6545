using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Apis;

public sealed class ReadingsApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private HubFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _hub = new HubFactory();
        await _hub.StartAsync();
        _http = _hub.CreateClient();
        var readings = Enumerable.Range(0, 48)
            .Select(i => new Reading(HubFactory.AirStation, "pm2_5", T0.AddMinutes(30 * i), 10 + i, i == 5 ? QaFlags.OutOfRange : QaFlags.None))
            .ToList();
        double[] waterTemperatures = [-5.2, 1.5, -3.2, 4];
        readings.AddRange(waterTemperatures.Select((value, i) => new Reading(HubFactory.WaterStation, "water_temperature", T0.AddHours(i), value)));
        await _hub.Services.GetRequiredService<IReadingStore>().WriteAsync(readings);
        await StoredValues.OverwriteAsync(_hub.DatabasePath, HubFactory.WaterStation, "water_temperature", T0.AddHours(1), double.PositiveInfinity);
        await StoredValues.OverwriteAsync(_hub.DatabasePath, HubFactory.WaterStation, "water_temperature", T0.AddHours(3), double.NegativeInfinity);
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Test]
    public async Task Get_Json_ReturnsTheHalfOpenRangeWithUnitAndFlags()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(
            "/api/v1/readings?station=rrg-school-01&metric=pm2_5&from=2026-11-24T02:00:00Z&to=2026-11-24T03:30:00Z"));
        var root = document.RootElement;
        var readings = root.GetProperty("readings").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("unit").GetString(), Is.EqualTo("ug/m3"));
            Assert.That(root.GetProperty("from").GetDateTimeOffset(), Is.EqualTo(T0.AddHours(2)));
            Assert.That(readings.Select(r => r.GetProperty("timestamp").GetDateTimeOffset()), Is.EqualTo(new[] { T0.AddHours(2), T0.AddHours(2.5), T0.AddHours(3) }));
            Assert.That(readings.Select(r => r.GetProperty("value").GetDouble()), Is.EqualTo(new[] { 14.0, 15, 16 }));
            Assert.That(readings[1].GetProperty("flags").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "out_of_range" }));
            Assert.That(readings[0].GetProperty("flags").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Get_OffsetTimes_AreTakenAsTheSameInstantInUtc()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(
            "/api/v1/readings?station=rrg-school-01&metric=pm2_5&from=2026-11-24T03:00:00%2B01:00&to=2026-11-24T04:00:00%2B01:00"));

        Assert.That(document.RootElement.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()), Is.EqualTo(new[] { 14.0, 15 }));
    }

    [Test]
    public async Task Get_Csv_IsADownloadWithHeaderUnitAndFlags()
    {
        var response = await _http.GetAsync("/api/v1/readings?station=rrg-school-01&metric=pm2_5&from=2026-11-24T02:00:00Z&to=2026-11-24T03:00:00Z&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("rrg-school-01_pm2_5_20261124T020000Z_20261124T030000Z.csv"));
            Assert.That(lines, Is.EqualTo(new[]
            {
                "station,metric,timestamp_utc,value,unit,flags",
                "rrg-school-01,pm2_5,2026-11-24T02:00:00.000Z,14,ug/m3,",
                "rrg-school-01,pm2_5,2026-11-24T02:30:00.000Z,15,ug/m3,out_of_range",
            }));
        });
    }

    [TestCase("metric=pm2_5", "station", "Give the station id")]
    [TestCase("station=rrg-school-01", "metric", "Give the metric")]
    [TestCase("station=rrg-school-01&metric=pm25", "metric", "Unknown metric 'pm25'. Known metrics: pm1, pm2_5")]
    [TestCase("station=rrg-school-01&metric=pm2_5&from=yesterday", "from", "'yesterday' is not an ISO 8601")]
    [TestCase("station=rrg-school-01&metric=pm2_5&to=2026-13-01", "to", "not an ISO 8601")]
    [TestCase("station=rrg-school-01&metric=pm2_5&from=2026-11-24T02:00:00Z&to=2026-11-24T02:00:00Z", "to", "must be after 'from'")]
    [TestCase("station=rrg-school-01&metric=pm2_5&format=xml", "format", "Unknown format 'xml'")]
    [TestCase("station=nosuch&metric=pm2_5&to=0001-01-01T05:00:00Z", "to", "give 'from' as well")]
    [TestCase("station=rrg-school-01&metric=pm2_5&to=0001-01-01T23:59:59.999Z", "to", "give 'from' as well")]
    public async Task Get_BadQuery_Is400ProblemNamingTheParameter(string query, string parameter, string message)
    {
        var response = await _http.GetAsync("/api/v1/readings?" + query);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem!.Errors[parameter].Single(), Does.Contain(message));
    }

    [Test]
    public async Task Get_UnknownStation_Is404Problem()
    {
        var response = await _http.GetAsync("/api/v1/readings?station=nowhere-9&metric=pm10");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem!.Detail, Does.Contain("No station 'nowhere-9' is registered"));
    }

    private const string WaterTemperatures = "/api/v1/readings?station=shk-river-01&metric=water_temperature&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z";

    [Test]
    public async Task Get_StoredInfinity_JsonGivesNullForTheValue()
    {
        var response = await _http.GetAsync(WaterTemperatures);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var values = document.RootElement.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value")).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(values.Select(v => v.ValueKind), Is.EqualTo(new[] { JsonValueKind.Number, JsonValueKind.Null, JsonValueKind.Number, JsonValueKind.Null }));
        Assert.That(values[0].GetDouble(), Is.EqualTo(-5.2));
    }

    [Test]
    public async Task Get_StoredInfinity_CsvGivesAnEmptyValueAndNegativeNumbersAsNumbers()
    {
        var response = await _http.GetAsync(WaterTemperatures + "&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[3]), Is.EqualTo(new[] { "-5.2", "", "-3.2", "" }));
    }

    [Test]
    public async Task Get_NoRange_CoversTheLast24Hours()
    {
        var now = DateTimeOffset.UtcNow;
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/readings?station=rrg-school-01&metric=pm10"));
        var root = document.RootElement;
        var to = root.GetProperty("to").GetDateTimeOffset();

        Assert.That(to, Is.EqualTo(now).Within(TimeSpan.FromMinutes(1)));
        Assert.That(to - root.GetProperty("from").GetDateTimeOffset(), Is.EqualTo(TimeSpan.FromHours(24)));
    }

    // pm2_5 of the air station: every 30 minutes for a day from T0, so two readings make a complete hour; the
    // reading of 02:30 is flagged, so that hour has one valid reading of two (50 %, below 75 %).
    private const string Pm25Day = "/api/v1/readings?station=rrg-school-01&metric=pm2_5&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z";

    [Test]
    public async Task Get_ResolutionHour_PeriodsWithCoverageAndTheIncompleteHourMarked()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(Pm25Day + "&resolution=hour"));
        var root = document.RootElement;
        var periods = root.GetProperty("periods").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("resolution").GetString(), Is.EqualTo("hour"));
            Assert.That(root.GetProperty("expectedPerHour").GetInt32(), Is.EqualTo(2));
            Assert.That(periods, Has.Count.EqualTo(24));
            Assert.That(periods[0].GetProperty("mean").GetDouble(), Is.EqualTo(10.5));
            Assert.That(periods[0].GetProperty("incomplete").GetBoolean(), Is.False);
            Assert.That(periods[2].GetProperty("incomplete").GetBoolean(), Is.True);
            Assert.That(periods[2].GetProperty("mean").ValueKind, Is.EqualTo(JsonValueKind.Null), "an incomplete hour is not averaged");
            Assert.That(periods[2].GetProperty("coverage").GetDouble(), Is.EqualTo(0.5));
            Assert.That((periods[2].GetProperty("count").GetInt32(), periods[2].GetProperty("validCount").GetInt32()), Is.EqualTo((2, 1)));
            Assert.That(periods[2].GetProperty("min").GetDouble(), Is.EqualTo(14.0));
        });
    }

    [Test]
    public async Task Get_ResolutionDay_MeanOfTheComplete23Hours()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(Pm25Day + "&resolution=day"));
        var day = document.RootElement.GetProperty("periods").EnumerateArray().Single();
        var hourMeans = Enumerable.Range(0, 24).Where(h => h != 2).Select(h => 10.5 + 2 * h);

        Assert.That(day.GetProperty("validHours").GetInt32(), Is.EqualTo(23));
        Assert.That(day.GetProperty("incomplete").GetBoolean(), Is.False);
        Assert.That(day.GetProperty("mean").GetDouble(), Is.EqualTo(hourMeans.Average()).Within(1e-9));
        Assert.That(day.GetProperty("coverage").GetDouble(), Is.EqualTo(23 / 24.0).Within(1e-12));
    }

    [TestCase("", "raw")]
    [TestCase("&resolution=auto&width=24", "hour")]
    [TestCase("&resolution=auto&width=25", "raw")]
    [TestCase("&resolution=auto&width=1", "day")]
    [TestCase("&resolution=raw&width=1", "raw")]
    public async Task Get_ResolutionAuto_CoarsestWithAPointPerColumn(string query, string resolution)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(Pm25Day + query));

        Assert.That(document.RootElement.GetProperty("resolution").GetString(), Is.EqualTo(resolution));
    }

    [TestCase("&resolution=minute", "resolution")]
    [TestCase("&width=0", "width")]
    [TestCase("&width=100000", "width")]
    [TestCase("&resolution=hour&format=csv", "format")]
    public async Task Get_BadResolutionQuery_NamesTheParameter(string query, string parameter)
    {
        var response = await _http.GetAsync(Pm25Day + query);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { parameter }));
    }

    [Test]
    public async Task Get_Range_IsTheLengthBeforeTo()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/readings?station=rrg-school-01&metric=pm2_5&to=2026-11-24T02:00:00Z&range=1h"));
        var root = document.RootElement;

        Assert.That(root.GetProperty("from").GetDateTimeOffset(), Is.EqualTo(T0.AddHours(1)));
        Assert.That(root.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()), Is.EqualTo(new[] { 12.0, 13 }));
    }
}
