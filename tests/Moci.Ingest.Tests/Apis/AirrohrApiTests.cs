using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Apis;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

/// <summary>
/// A Sensor.Community kit's "Send data to custom API" post, as the airrohr firmware makes it
/// (opendata-stuttgart/sensors-software, airrohr-firmware.ino, <c>sendData</c>): POST, JSON, HTTP Basic,
/// <c>X-Sensor: esp8266-{chipid}</c>.
/// </summary>
public sealed class AirrohrApiTests
{
    private const string Path = "/api/v1/airrohr";
    private const string PendingStation = "kit-pending-01";
    private const string RevokedStation = "kit-revoked-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const string KitBody = """
        {"esp8266id": "13597771", "software_version": "NRZ-2024-135", "sensordatavalues":[{"value_type":"SDS_P1","value":"20.10"},{"value_type":"SDS_P2","value":"12.30"},{"value_type":"BME280_temperature","value":"21.40"},{"value_type":"BME280_pressure","value":"100613.25"},{"value_type":"BME280_humidity","value":"55.20"},{"value_type":"samples","value":"730112"},{"value_type":"min_micro","value":"28"},{"value_type":"max_micro","value":"20061"},{"value_type":"interval","value":"145000"},{"value_type":"signal","value":"-70"}]}
        """;

    private HubFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void StartHub()
    {
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Stations:2:Id"] = PendingStation,
            ["Stations:2:Kind"] = "Air",
            ["Stations:3:Id"] = RevokedStation,
            ["Stations:3:Kind"] = "Air",
        });
        _http = _hub.CreateClient();
        _hub.SecretOf(RevokedStation);
        _hub.Services.GetRequiredService<StationStore>().Revoke(RevokedStation);
        _hub.Services.GetRequiredService<StationRegistry>().Refresh();
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    private static HttpRequestMessage Post(string body, string? user, string? password) => Post(new StringContent(body, Encoding.UTF8, "application/json"), user, password);

    private static HttpRequestMessage Post(HttpContent content, string? user, string? password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.Add("X-Sensor", "esp8266-13597771");
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return request;
    }

    private Task<HttpResponseMessage> SendAsStation(string stationId, string body) =>
        _http.SendAsync(Post(body, stationId, _hub.SecretOf(stationId)));

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Test]
    public async Task Post_WithoutCredentials_Is401WithABasicChallenge()
    {
        var response = await _http.SendAsync(Post(KitBody, null, null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic realm=\"MOCI hub\""));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await JsonOf(response)).GetProperty("detail").GetString(), Does.Contain("User to the station id and Password to the station's secret"));
    }

    [TestCase(HubFactory.AirStation, "not-the-secret")]
    [TestCase(HubFactory.AirStation, "")]
    [TestCase("no-such-kit", "whatever")]
    [TestCase("RRG School 01", "whatever")]
    public async Task Post_WrongSecretOrUnknownStation_Is401(string user, string password)
    {
        _hub.SecretOf(HubFactory.AirStation);
        var response = await _http.SendAsync(Post(KitBody, user, password));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic realm=\"MOCI hub\""));
        Assert.That((await JsonOf(response)).GetProperty("detail").GetString(), Does.StartWith("The station id or the secret is wrong."));
    }

    [TestCase("Bearer abc")]
    [TestCase("Basic !!!not-base64")]
    [TestCase("Basic cnJnLXNjaG9vbC0wMQ==")] // "rrg-school-01" without ':'
    [TestCase("Basic")]
    public async Task Post_MalformedAuthorization_Is401(string authorization)
    {
        var request = Post(KitBody, null, null);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await _http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic realm=\"MOCI hub\""));
    }

    [TestCase(RevokedStation, "is revoked")]
    [TestCase(PendingStation, "has no secret yet")]
    public async Task Post_RevokedOrPendingStation_Is403(string stationId, string detail)
    {
        var response = await _http.SendAsync(Post(KitBody, stationId, "any-secret-at-all"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await JsonOf(response)).GetProperty("detail").GetString(), Does.Contain(detail));
    }

    [Test]
    public async Task Post_KitBody_IsAnsweredOnlyOnceCommittedSoTheReadingsAreReadableAtOnce()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await SendAsStation(HubFactory.AirStation, KitBody);
        var after = DateTimeOffset.UtcNow;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var answer = await JsonOf(response);
        Assert.That(answer.GetProperty("stored").GetInt32(), Is.EqualTo(5));
        Assert.That(answer.GetProperty("rejected").GetInt32(), Is.Zero);
        Assert.That(answer.GetProperty("ignored").EnumerateArray().Select(t => t.GetString()),
            Is.EqualTo(new[] { "samples", "min_micro", "max_micro", "interval", "signal" }));

        // No waiting: the 200 came after the commit, so the readings are there when it arrives.
        var range = $"from={before.AddMilliseconds(-1):O}&to={after.AddMilliseconds(1):O}".Replace("+", "%2B", StringComparison.Ordinal);
        var pressure = await JsonOf(await _http.GetAsync($"/api/v1/readings?station={HubFactory.AirStation}&metric=pressure&{range}"));
        var reading = pressure.GetProperty("readings").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(pressure.GetProperty("unit").GetString(), Is.EqualTo("hPa"));
            Assert.That(reading.GetProperty("value").GetDouble(), Is.EqualTo(1006.1325).Within(1e-9));
            Assert.That(reading.GetProperty("flags").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "hub_timed" }));
            Assert.That(reading.GetProperty("timestamp").GetDateTimeOffset(), Is.InRange(before.AddMilliseconds(-1), after));
        });
        var pm25 = await JsonOf(await _http.GetAsync($"/api/v1/readings?station={HubFactory.AirStation}&metric=pm2_5&{range}"));
        Assert.That(pm25.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDouble()), Is.EqualTo(new[] { 12.3 }));
    }

    [Test]
    public async Task Post_Ds18b20OnTheWaterStation_IsStoredAsWaterTemperature()
    {
        var response = await SendAsStation(HubFactory.WaterStation, """{"sensordatavalues":[{"value_type":"DS18B20_temperature","value":"9.50"}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var latest = await JsonOf(await _http.GetAsync($"/api/v1/stations/{HubFactory.WaterStation}/latest"));
        var water = latest.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("metric").GetString() == "water_temperature");
        Assert.That(water.GetProperty("value").GetDouble(), Is.EqualTo(9.5));
    }

    [Test]
    public async Task Post_ValueThatIsNotANumber_StoresTheRestAndKeepsItAsADeadLetter()
    {
        var response = await SendAsStation(HubFactory.AirStation, """{"sensordatavalues":[{"value_type":"SDS_P1","value":"nan"},{"value_type":"SDS_P2","value":"7.70"}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answer = await JsonOf(response);
        Assert.That(answer.GetProperty("stored").GetInt32(), Is.EqualTo(1));
        Assert.That(answer.GetProperty("rejected").GetInt32(), Is.EqualTo(1));
        var letters = (await JsonOf(await _http.GetAsync($"/api/v1/dead-letters?station={HubFactory.AirStation}&limit=1"))).GetProperty("deadLetters");
        Assert.That(letters[0].GetProperty("reason").GetString(), Does.StartWith("'SDS_P1' has the value 'nan', which is not a finite number"));
        Assert.That(letters[0].GetProperty("payload").GetString(), Is.EqualTo("""{"value_type":"SDS_P1","value":"nan"}"""));
    }

    [Test]
    public async Task Post_Garbage_Is400SayingWhatIsWrongAndTheBodyIsADeadLetter()
    {
        const string garbage = "pm10=20.1&pm2_5=12.3";
        var response = await SendAsStation(HubFactory.WaterStation, garbage);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await JsonOf(response)).GetProperty("detail").GetString(),
            Does.StartWith("The body is not valid JSON").And.Contain("sensordatavalues").And.Contain("kept as a dead letter"));
        var letters = (await JsonOf(await _http.GetAsync($"/api/v1/dead-letters?station={HubFactory.WaterStation}&limit=1"))).GetProperty("deadLetters");
        Assert.Multiple(() =>
        {
            Assert.That(letters[0].GetProperty("topic").GetString(), Is.EqualTo("http:/api/v1/airrohr"));
            Assert.That(letters[0].GetProperty("payload").GetString(), Is.EqualTo(garbage));
            Assert.That(letters[0].GetProperty("reason").GetString(), Does.StartWith("not a Sensor.Community (airrohr) body: the body is not valid JSON"));
        });
    }

    [TestCase(AirrohrApi.MaxBodyBytes, true, HttpStatusCode.OK)]
    [TestCase(AirrohrApi.MaxBodyBytes + 1, true, HttpStatusCode.RequestEntityTooLarge)]
    [TestCase(AirrohrApi.MaxBodyBytes, false, HttpStatusCode.OK)]
    [TestCase(AirrohrApi.MaxBodyBytes + 1, false, HttpStatusCode.RequestEntityTooLarge)]
    [TestCase(10 * AirrohrApi.MaxBodyBytes, false, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Post_BodySize_IsLimitedWithOrWithoutAContentLength(int size, bool announced, HttpStatusCode expected)
    {
        var json = """{"sensordatavalues":[{"value_type":"SDS_P2","value":"3.00"}]}""";
        var body = Encoding.UTF8.GetBytes(json + new string(' ', size - json.Length));
        HttpContent content = announced ? new ByteArrayContent(body) : new UnsizedContent(body);

        var response = await _http.SendAsync(Post(content, HubFactory.AirStation, _hub.SecretOf(HubFactory.AirStation)));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.RequestEntityTooLarge)
        {
            Assert.That((await JsonOf(response)).GetProperty("detail").GetString(), Does.Contain("at most 64 KiB"));
        }
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase(null)]
    public async Task Post_JsonLabelledWithAnotherContentType_IsReadAllTheSame(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"sensordatavalues":[{"value_type":"SDS_P2","value":"4.00"}]}"""));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        var response = await _http.SendAsync(Post(content, HubFactory.AirStation, _hub.SecretOf(HubFactory.AirStation)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await JsonOf(response)).GetProperty("stored").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_OnlyTheKitsOwnFigures_Is200WithNothingStored()
    {
        var response = await SendAsStation(HubFactory.AirStation, """{"sensordatavalues":[{"value_type":"samples","value":"730112"},{"value_type":"signal","value":"-70"}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await JsonOf(response)).GetProperty("stored").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Get_Totals_CountTheIgnoredValueTypes()
    {
        var before = await JsonOf(await _http.GetAsync(Path));

        var response = await SendAsStation(HubFactory.AirStation,
            """{"sensordatavalues":[{"value_type":"GPS_lat","value":"41.076000"},{"value_type":"GPS_lon","value":"19.667000"},{"value_type":"SDS_P1","value":"20.10"}]}""");
        var after = await JsonOf(await _http.GetAsync(Path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.GetProperty("valuesIgnored").GetInt64() - before.GetProperty("valuesIgnored").GetInt64(), Is.EqualTo(2));
        Assert.That(after.GetProperty("bodiesAccepted").GetInt64() - before.GetProperty("bodiesAccepted").GetInt64(), Is.EqualTo(1));
        Assert.That(after.GetProperty("ignoredTypes").GetProperty("GPS_lat").GetInt64() - CountOf(before, "GPS_lat"), Is.EqualTo(1));

        static long CountOf(JsonElement totals, string type) =>
            totals.GetProperty("ignoredTypes").TryGetProperty(type, out var count) ? count.GetInt64() : 0;
    }

    [Test]
    public async Task Post_WhileTheStoreCannotCommit_Is503AndTheQueuedReadingsAreStoredOnceItCan()
    {
        var t0 = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(t0);
        using var hub = new HubFactory();
        using var host = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton(sp => new GatedReadingStore(sp.GetRequiredService<SqliteReadingStore>()));
            services.AddSingleton<IReadingStore>(sp => sp.GetRequiredService<GatedReadingStore>());
        }));
        using var http = host.CreateClient();
        var gate = host.Services.GetRequiredService<GatedReadingStore>();
        try
        {
            var secret = host.Services.GetRequiredService<StationRegistry>().IssueSecret(HubFactory.AirStation);
            var post = http.SendAsync(Post(KitBody, HubFactory.AirStation, secret));

            await gate.Entered.WaitAsync(Timeout);
            Assert.That(post.IsCompleted, Is.False, "answered before the commit");
            time.Advance(AirrohrApi.CommitTimeout);
            var response = await post.WaitAsync(Timeout);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((await JsonOf(response)).GetProperty("detail").GetString(), Does.Contain("queued"));
        }
        finally
        {
            gate.Open();
        }

        await gate.Written.WaitAsync(Timeout);
        var pressure = await JsonOf(await http.GetAsync($"/api/v1/readings?station={HubFactory.AirStation}&metric=pressure"));
        var reading = pressure.GetProperty("readings").EnumerateArray().Single();
        Assert.That(reading.GetProperty("timestamp").GetDateTimeOffset(), Is.EqualTo(t0), "stamped with the hub's arrival time");
        Assert.That(reading.GetProperty("value").GetDouble(), Is.EqualTo(1006.1325).Within(1e-9));
    }
}
