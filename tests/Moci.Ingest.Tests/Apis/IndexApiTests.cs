using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Apis;

public sealed class IndexApiTests
{
    // The hub's clock: 20 minutes past 10:00Z, so the windows end at 10:00Z.
    private static readonly DateTimeOffset WindowEnd = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = WindowEnd.AddMinutes(20);

    private SeededHub _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        var dayBefore = WindowEnd.AddHours(-24);
        var tenMinutes = TimeSpan.FromMinutes(10);

        // PM2.5 every 10 minutes for the 24 hours before 10:00Z at 20 µg/m³; PM10 only for the last 17 of them.
        var pm25 = SeededHub.Series(HubFactory.AirStation, "pm2_5", dayBefore, tenMinutes, 24 * 6, _ => 20);
        var pm10 = SeededHub.Series(HubFactory.AirStation, "pm10", WindowEnd.AddHours(-17), tenMinutes, 17 * 6, _ => 30);

        // The hour after the window (10:00–10:20) at 500: not ended, so it must not count.
        var notEnded = SeededHub.Series(HubFactory.AirStation, "pm2_5", WindowEnd.AddMinutes(5), tenMinutes, 1, _ => 500);

        // Water, every 15 minutes over the last two hours: pH 7 then 5.8, 20 °C, 7.2 mg/L of oxygen.
        var twoHoursBefore = WindowEnd.AddHours(-2);
        var quarter = TimeSpan.FromMinutes(15);
        var water = SeededHub.Series(HubFactory.WaterStation, "ph", twoHoursBefore, quarter, 8, i => i < 4 ? 7.0 : 5.8)
            .Concat(SeededHub.Series(HubFactory.WaterStation, "water_temperature", twoHoursBefore, quarter, 8, _ => 20))
            .Concat(SeededHub.Series(HubFactory.WaterStation, "dissolved_oxygen", twoHoursBefore, quarter, 8, _ => 7.2));

        _hub = await SeededHub.StartAsync(pm25.Concat(pm10).Concat(notEnded).Concat(water),
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    [OneTimeTearDown]
    public void StopHub() => _hub.Dispose();

    [Test]
    public async Task Get_AirStation_Pm25BandsFromThe24HourRunningMean()
    {
        // 20 µg/m³ over 24 hours: EEA classic table Moderate (20–25), EEA 2024 table Moderate (15–50); US EPA TAD 2024
        // table 6: (100 − 51) / (35.4 − 9.1) × (20.0 − 9.1) + 51 = 71.3 → AQI 71, Moderate.
        var root = await GetAsync("station=rrg-school-01");
        var pm = Pollutant(root, "pm2_5");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("Air"));
            Assert.That(root.GetProperty("at").GetDateTimeOffset(), Is.EqualTo(Now));
            Assert.That(root.GetProperty("windowEnd").GetDateTimeOffset(), Is.EqualTo(WindowEnd));
            Assert.That(BandOf(pm, "eaqi-classic"), Is.EqualTo("Moderate"));
            Assert.That(BandOf(pm, "eaqi-2024"), Is.EqualTo("Moderate"));
            Assert.That(BandOf(pm, "us-aqi-2024"), Is.EqualTo("Moderate"));
            Assert.That(Scheme(pm, "us-aqi-2024").GetProperty("aqi").GetInt32(), Is.EqualTo(71));
            Assert.That(Scheme(pm, "eaqi-2024").GetProperty("mean").GetDouble(), Is.EqualTo(20));
            var window = Scheme(pm, "eaqi-2024").GetProperty("window");
            Assert.That(window.GetProperty("name").GetString(), Is.EqualTo("24-hour running mean"));
            Assert.That(window.GetProperty("from").GetDateTimeOffset(), Is.EqualTo(WindowEnd.AddHours(-24)));
            Assert.That(window.GetProperty("to").GetDateTimeOffset(), Is.EqualTo(WindowEnd));
            Assert.That(window.GetProperty("validHours").GetInt32(), Is.EqualTo(24));
            Assert.That(window.GetProperty("requiredHours").GetInt32(), Is.EqualTo(18));
            Assert.That(pm.GetProperty("data").GetProperty("expectedPerHour").GetInt32(), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Get_AirStation_Pm10With17HoursHasNoBandAndSaysWhy()
    {
        // EEA: the PM running mean needs "at least 18 out of the 24 hours"; AirNow: the 24-hour AQI needs 18/24 hours.
        var pm10 = Pollutant(await GetAsync("station=rrg-school-01"), "pm10");

        foreach (var scheme in new[] { "eaqi-classic", "eaqi-2024", "us-aqi-2024" })
        {
            var index = Scheme(pm10, scheme);
            Assert.That(index.GetProperty("status").GetString(), Is.EqualTo("NotEnoughData"), scheme);
            Assert.That(index.GetProperty("band").ValueKind, Is.EqualTo(JsonValueKind.Null), scheme);
            Assert.That(index.GetProperty("reason").GetString(), Does.Contain("17 of 24 hours valid, 18 needed"), scheme);
        }
    }

    [Test]
    public async Task Get_EarlierAt_UsesTheWindowEndingThen()
    {
        // At 06:59Z the window is 06:00 back to 06:00 the day before: PM2.5 has 20 of its hours, PM10 only 13.
        var root = await GetAsync("station=rrg-school-01&at=2026-11-20T06:59:00Z");

        Assert.That(root.GetProperty("windowEnd").GetDateTimeOffset(), Is.EqualTo(WindowEnd.AddHours(-4)));
        Assert.That(Scheme(Pollutant(root, "pm2_5"), "eaqi-classic").GetProperty("window").GetProperty("validHours").GetInt32(), Is.EqualTo(20));
        Assert.That(Scheme(Pollutant(root, "pm10"), "eaqi-classic").GetProperty("window").GetProperty("validHours").GetInt32(), Is.EqualTo(13));
    }

    [Test]
    public async Task Get_WaterStation_BandsOfTheLastWholeHour()
    {
        // Directive 2006/44/EC Annex I: pH 6–9 and 21.5 °C (salmonid) maxima; Swedish EPA oxygen classes (≥ 7 mg/L
        // oxygen-rich); GQA: 7.2 mg/L at 20 °C is 79 % of the 9.09 mg/L saturation (EN 25814), grade B.
        var root = await GetAsync("station=shk-river-01");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("Water"));
            Assert.That(BandOf(Pollutant(root, "ph"), "ph-fish-2006"), Does.StartWith("Too acidic"));
            Assert.That(Scheme(Pollutant(root, "ph"), "ph-fish-2006").GetProperty("mean").GetDouble(), Is.EqualTo(5.8));
            Assert.That(BandOf(Pollutant(root, "water_temperature"), "temperature-fish-2006"), Does.StartWith("Within the salmonid-water maximum"));
            Assert.That(BandOf(Pollutant(root, "dissolved_oxygen"), "oxygen-se"), Does.StartWith("Oxygen-rich"));
            Assert.That(BandOf(Pollutant(root, "dissolved_oxygen"), "oxygen-gqa"), Does.StartWith("Grade B"));
            Assert.That(Scheme(Pollutant(root, "dissolved_oxygen"), "oxygen-gqa").GetProperty("value").GetDouble(), Is.EqualTo(79.2).Within(0.1));
            Assert.That(Scheme(Pollutant(root, "dissolved_oxygen"), "oxygen-gqa").GetProperty("valueUnit").GetString(), Is.EqualTo("% saturation"));
        });
    }

    [Test]
    public async Task Get_WaterStationBeforeItsReadings_HasNotEnoughData()
    {
        var root = await GetAsync("station=shk-river-01&at=2026-11-20T07:30:00Z");

        Assert.That(Scheme(Pollutant(root, "ph"), "ph-fish-2006").GetProperty("status").GetString(), Is.EqualTo("NotEnoughData"));
        Assert.That(Scheme(Pollutant(root, "ph"), "ph-fish-2006").GetProperty("reason").GetString(), Does.Contain("no valid hourly mean"));
    }

    [TestCase("at=2026-11-20T10:00:00Z", "station", "Give the station id")]
    [TestCase("station=rrg-school-01&at=yesterday", "at", "'yesterday' is not an ISO 8601 date")]
    [TestCase("station=rrg-school-01&at=2026-11-20T10:21:00Z", "at", "later than the hub's clock")]
    public async Task Get_BadQuery_Is400ProblemNamingTheParameter(string query, string parameter, string message)
    {
        var problem = await _hub.GetProblemAsync("/api/v1/index?" + query, HttpStatusCode.BadRequest);

        Assert.That(problem.Errors[parameter].Single(), Does.Contain(message));
    }

    [Test]
    public async Task Get_UnknownStation_Is404Problem()
    {
        var problem = await _hub.GetProblemAsync("/api/v1/index?station=nowhere-9", HttpStatusCode.NotFound);

        Assert.That(problem.Status, Is.EqualTo(404));
    }

    private Task<JsonElement> GetAsync(string query) => _hub.GetJsonAsync("/api/v1/index?" + query);

    private static JsonElement Pollutant(JsonElement root, string metric) =>
        root.GetProperty("pollutants").EnumerateArray().Single(p => p.GetProperty("metric").GetString() == metric);

    private static JsonElement Scheme(JsonElement pollutant, string scheme) =>
        pollutant.GetProperty("indices").EnumerateArray().Single(i => i.GetProperty("scheme").GetString() == scheme);

    private static string? BandOf(JsonElement pollutant, string scheme) =>
        Scheme(pollutant, scheme).GetProperty("band") is { ValueKind: JsonValueKind.Object } band ? band.GetProperty("name").GetString() : null;
}
