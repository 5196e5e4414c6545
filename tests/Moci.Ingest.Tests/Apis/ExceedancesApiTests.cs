using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Apis;

public sealed class ExceedancesApiTests
{
    // Calendar year 2025 at UTC+01:00 (the directives' Central European Time, no summer time).
    private static readonly DateTimeOffset Year2025 = new(2024, 12, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year2024 = new(2023, 12, 31, 23, 0, 0, TimeSpan.Zero);

    private SeededHub _hub = null!;
    private CountingReadingStore _store = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        // PM10, one reading an hour through 2025: 60 µg/m³ on the first 36 days, 20 after.
        var pm10 = SeededHub.Series(HubFactory.AirStation, "pm10", Year2025, TimeSpan.FromHours(1), 8760, i => i < 36 * 24 ? 60 : 20);

        // PM2.5 in 2024, one reading every 10 minutes: 100 whole days at 10 µg/m³, then a day whose 24 hours are at
        // 90 µg/m³ but only 17 of them valid (7 flagged out of range): it must not count either way.
        const int WholeDays = 100 * 24 * 6;
        var pm25 = SeededHub.Series(HubFactory.AirStation, "pm2_5", Year2024, TimeSpan.FromMinutes(10), 101 * 24 * 6,
            i => i >= WholeDays ? 90 : 10,
            i => i >= WholeDays && (i - WholeDays) / 6 >= 17 ? QaFlags.OutOfRange : QaFlags.None);

        _hub = await SeededHub.StartAsync(pm10.Concat(pm25), services => services.AddSingleton<IReadingStore>(
            sp => new CountingReadingStore(sp.GetRequiredService<SqliteReadingStore>())));
        _store = (CountingReadingStore)_hub.Store;
    }

    [OneTimeTearDown]
    public void StopHub() => _hub.Dispose();

    [Test]
    public async Task Get_Eu2008Pm10_ThirtySixDaysAbove50_IsExceededWithFullCoverage()
    {
        // Directive 2008/50/EC Annex XI B: PM10, 1 day, 50 µg/m³, "not to be exceeded more than 35 times a calendar year".
        var root = await GetAsync("station=rrg-school-01&metric=pm10&year=2025&limits=eu2008");
        var daily = ValueOf(root, "1 day");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("calendar").GetString(), Is.EqualTo("UTC+01:00"));
            Assert.That(root.GetProperty("from").GetDateTimeOffset(), Is.EqualTo(Year2025));
            Assert.That(root.GetProperty("limits").GetProperty("id").GetString(), Is.EqualTo("eu2008"));
            Assert.That(daily.GetProperty("value").GetDouble(), Is.EqualTo(50));
            Assert.That(daily.GetProperty("counts").GetString(), Is.EqualTo("days"));
            Assert.That(daily.GetProperty("exceedances").GetInt32(), Is.EqualTo(36));
            Assert.That(daily.GetProperty("permitted").GetInt32(), Is.EqualTo(35));
            Assert.That(daily.GetProperty("exceedingPeriods").GetArrayLength(), Is.EqualTo(36));
            Assert.That(daily.GetProperty("exceedingPeriods")[0].GetProperty("start").GetDateTimeOffset(), Is.EqualTo(Year2025));
            Assert.That(daily.GetProperty("coverage").GetProperty("valid").GetInt64(), Is.EqualTo(365));
            Assert.That(daily.GetProperty("coverage").GetProperty("required").GetInt64(), Is.EqualTo(329));
            Assert.That(daily.GetProperty("coverage").GetProperty("enough").GetBoolean(), Is.True);
            Assert.That(daily.GetProperty("verdict").GetString(), Is.EqualTo("Exceeded"));
            Assert.That(daily.GetProperty("source").GetString(), Does.Contain("Annex XI"));
        });
    }

    [Test]
    public async Task Get_AYearOfData_IsReadFromTheHourlyRollupsNotTheRawReadings()
    {
        _store.Reset();

        var root = await GetAsync("station=rrg-school-01&metric=pm10&year=2025&limits=eu2008");

        Assert.That(_store.RawReads, Is.Zero);
        Assert.That(_store.HourlyRollupReads, Is.EqualTo(1));
        Assert.That(root.GetProperty("data").GetProperty("source").GetString(), Is.EqualTo("hourly rollups"));
        Assert.That(root.GetProperty("data").GetProperty("readings").GetInt64(), Is.EqualTo(8760));
        Assert.That(root.GetProperty("data").GetProperty("completeHours").GetInt32(), Is.EqualTo(8760));
    }

    [Test]
    public async Task Get_Eu2008Pm10_AnnualMeanBelow40_IsMet()
    {
        // Directive 2008/50/EC Annex XI B: PM10, calendar year, 40 µg/m³. Mean = (36 × 60 + 329 × 20) / 365 = 23.9.
        var annual = ValueOf(await GetAsync("station=rrg-school-01&metric=pm10&year=2025&limits=eu2008"), "calendar year");

        Assert.That(annual.GetProperty("annualMean").GetDouble(), Is.EqualTo((36 * 60 + 329 * 20) / 365.0).Within(1e-9));
        Assert.That(annual.GetProperty("coverage").GetProperty("unit").GetString(), Is.EqualTo("hours"));
        Assert.That(annual.GetProperty("coverage").GetProperty("valid").GetInt64(), Is.EqualTo(8760));
        Assert.That(annual.GetProperty("verdict").GetString(), Is.EqualTo("Met"));
    }

    [Test]
    public async Task Get_Eu2030Pm10_SameYear_ExceedsBothTheDailyAndTheAnnualValue()
    {
        // Directive (EU) 2024/2881 Annex I: PM10, 1 day, 45 µg/m³, 18 times; calendar year 20 µg/m³.
        var root = await GetAsync("station=rrg-school-01&metric=pm10&year=2025&limits=eu2030");

        Assert.That(ValueOf(root, "1 day").GetProperty("permitted").GetInt32(), Is.EqualTo(18));
        Assert.That(ValueOf(root, "1 day").GetProperty("verdict").GetString(), Is.EqualTo("Exceeded"));
        Assert.That(ValueOf(root, "calendar year").GetProperty("verdict").GetString(), Is.EqualTo("Exceeded"));
    }

    [Test]
    public async Task Get_Who2021Pm25_DayWith17ValidHoursIsNotCountedAndCoverageIsTooLow()
    {
        // WHO 2021 AQG: PM2.5, 24-hour, 15 µg/m³. The 101st day has 17 valid hours (Directive 2008/50/EC Annex XI A
        // needs 18), and 100 valid days of 366 are below 85 %.
        var root = await GetAsync("station=rrg-school-01&metric=pm2_5&year=2024&limits=who2021");
        var daily = ValueOf(root, "1 day");
        var coverage = daily.GetProperty("coverage");

        Assert.Multiple(() =>
        {
            Assert.That(daily.GetProperty("exceedances").GetInt32(), Is.Zero);
            Assert.That(daily.GetProperty("permitted").GetInt32(), Is.EqualTo(3));
            Assert.That(coverage.GetProperty("valid").GetInt64(), Is.EqualTo(100));
            Assert.That(coverage.GetProperty("incomplete").GetInt32(), Is.EqualTo(1));
            Assert.That(coverage.GetProperty("inYear").GetInt32(), Is.EqualTo(366));
            Assert.That(coverage.GetProperty("enough").GetBoolean(), Is.False);
            Assert.That(daily.GetProperty("verdict").GetString(), Is.EqualTo("InsufficientData"));
            Assert.That(daily.GetProperty("explanation").GetString(), Does.Contain("too little data"));
            Assert.That(root.GetProperty("data").GetProperty("samplingIntervalSeconds").GetDouble(), Is.EqualTo(600));
            Assert.That(root.GetProperty("data").GetProperty("expectedPerHour").GetInt32(), Is.EqualTo(6));
            Assert.That(root.GetProperty("data").GetProperty("completeHours").GetInt32(), Is.EqualTo(100 * 24 + 17));
        });
    }

    [Test]
    public async Task Get_WithoutLimitsOrYear_UsesEu2008AndTheCurrentYear()
    {
        var root = await GetAsync("station=rrg-school-01&metric=pm10");

        Assert.That(root.GetProperty("limits").GetProperty("id").GetString(), Is.EqualTo("eu2008"));
        Assert.That(root.GetProperty("year").GetInt32(), Is.EqualTo(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1)).Year).Or.EqualTo(DateTimeOffset.UtcNow.Year));
    }

    [Test]
    public async Task Get_AtTheFirstInstantOfAYear_TheCurrentYearIsTheOneBefore()
    {
        // 2026-01-01 00:00 CET is 2025-12-31T23:00Z: no period of 2026 has ended, so 2026 has not begun for a count.
        using var hub = new HubFactory();
        using var host = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Year2025.AddYears(1)))));
        using var http = host.CreateClient();

        var defaulted = await http.GetAsync("/api/v1/exceedances?station=rrg-school-01&metric=pm10");
        var early = await http.GetAsync("/api/v1/exceedances?station=rrg-school-01&metric=pm10&year=2026");

        Assert.That(defaulted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await defaulted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("year").GetInt32(), Is.EqualTo(2025));
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("metric=pm10", "station", "Give the station id")]
    [TestCase("station=rrg-school-01", "metric", "Give the metric")]
    [TestCase("station=rrg-school-01&metric=pm99", "metric", "Unknown metric 'pm99'")]
    [TestCase("station=rrg-school-01&metric=temperature", "metric", "eu2008 has no values for 'temperature'; it has values for pm10, pm2_5")]
    [TestCase("station=rrg-school-01&metric=pm10&limits=eu2020", "limits", "Known limit sets: eu2008, eu2030, who2021")]
    [TestCase("station=rrg-school-01&metric=pm10&limits=EU2008", "limits", "Unknown limit set 'EU2008'")]
    [TestCase("station=rrg-school-01&metric=pm10&year=last", "year", "'last' is not a year")]
    [TestCase("station=rrg-school-01&metric=pm10&year=-2025", "year", "is not a year")]
    [TestCase("station=rrg-school-01&metric=pm10&year=1999", "year", "outside 2000")]
    [TestCase("station=rrg-school-01&metric=pm10&year=2999", "year", "has not begun")]
    public async Task Get_BadQuery_Is400ProblemNamingTheParameter(string query, string parameter, string message)
    {
        var problem = await _hub.GetProblemAsync("/api/v1/exceedances?" + query, HttpStatusCode.BadRequest);

        Assert.That(problem.Errors[parameter].Single(), Does.Contain(message));
    }

    [Test]
    public async Task Get_UnknownStation_Is404Problem()
    {
        var problem = await _hub.GetProblemAsync("/api/v1/exceedances?station=nowhere-9&metric=pm10&year=2025", HttpStatusCode.NotFound);

        Assert.That(problem.Status, Is.EqualTo(404));
    }

    private Task<JsonElement> GetAsync(string query) => _hub.GetJsonAsync("/api/v1/exceedances?" + query);

    private static JsonElement ValueOf(JsonElement root, string averagingPeriod) =>
        root.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("averagingPeriod").GetString() == averagingPeriod);
}
