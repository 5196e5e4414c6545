using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

public sealed class DeadLettersApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>5 000 bytes of JSON-looking text, longer than a list shows.</summary>
    private static readonly string LongText = "[" + string.Concat(Enumerable.Repeat("{\"n\":\"ph\",\"v\":7.1},", 263)) + "{}]";

    private HubFactory _hub = null!;
    private HttpClient _http = null!;
    private long _longId;
    private long _accentedId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _hub = new HubFactory();
        _http = _hub.CreateClient();
        var store = _hub.Services.GetRequiredService<DeadLetterStore>();
        await store.AddAsync(
        [
            new DeadLetter(T0, "moci/v1/rrg-school-01/senml", "rrg-school-01", "invalid SenML pack: not valid JSON", Encoding.UTF8.GetBytes("{oops")),
            new DeadLetter(T0.AddMinutes(1), "moci/v1/shk-river-01/senml", "shk-river-01", "unknown metric 'nitrate'", [0xff, 0xfe, 0x00]),
            new DeadLetter(T0.AddMinutes(2), "moci/v1/rrg-school-01/senml", "rrg-school-01", "unit 'Cel' is not accepted for 'pm10'", Encoding.UTF8.GetBytes("[]")),
            new DeadLetter(T0.AddMinutes(3), "moci/v1/rrg-road-01/senml", "rrg-road-01", "unknown station 'rrg-road-01'", Encoding.UTF8.GetBytes(LongText)),
            new DeadLetter(T0.AddMinutes(4), "moci/v1/rrg-road-01/senml", "rrg-road-01", "invalid SenML pack: not valid JSON", Encoding.UTF8.GetBytes(new string('é', 1000))),
        ]);
        var road = await store.ListAsync("rrg-road-01");
        (_accentedId, _longId) = (road[0].Id, road[1].Id);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    private async Task<JsonElement> GetJsonAsync(string path) => await _http.GetFromJsonAsync<JsonElement>(path);

    [Test]
    public async Task Get_OneStation_NewestFirstWithReasonAndPayloadText()
    {
        var page = await GetJsonAsync("/api/v1/dead-letters?station=rrg-school-01");
        var letters = page.GetProperty("deadLetters").EnumerateArray().ToList();

        Assert.That(letters.Select(l => l.GetProperty("reason").GetString()), Is.EqualTo(new[] { "unit 'Cel' is not accepted for 'pm10'", "invalid SenML pack: not valid JSON" }));
        Assert.That(letters[1].GetProperty("payload").GetString(), Is.EqualTo("{oops"));
        Assert.That(letters[1].GetProperty("payloadSize").GetInt64(), Is.EqualTo(5));
        Assert.That(letters[1].GetProperty("truncated").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Get_BinaryPayload_IsGivenInBase64()
    {
        var letter = (await GetJsonAsync("/api/v1/dead-letters?station=shk-river-01")).GetProperty("deadLetters")[0];

        Assert.That(letter.GetProperty("payload").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(letter.GetProperty("payloadBase64").GetString(), Is.EqualTo("//4A"));
    }

    [Test]
    public async Task Get_TotalOfTheStationAndDroppedOfTheHub()
    {
        var all = await GetJsonAsync("/api/v1/dead-letters");
        var school = await GetJsonAsync("/api/v1/dead-letters?station=rrg-school-01&limit=1");

        Assert.That(all.GetProperty("total").GetInt64(), Is.EqualTo(5));
        Assert.That(school.GetProperty("total").GetInt64(), Is.EqualTo(2));
        Assert.That(school.GetProperty("dropped").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task Get_Limit_PagesNewestFirstByFollowingNext()
    {
        var ids = new List<long>();
        var pages = 0;
        string? next = "/api/v1/dead-letters?limit=2";
        while (next is not null && pages < 10)
        {
            var page = await GetJsonAsync(next);
            var letters = page.GetProperty("deadLetters").EnumerateArray().ToList();
            Assert.That(letters, Has.Count.InRange(1, 2));
            ids.AddRange(letters.Select(l => l.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
            pages++;
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(ids, Has.Count.EqualTo(5).And.Unique.And.Ordered.Descending);
    }

    [Test]
    public async Task Get_LastPage_HasNoNext()
    {
        var page = await GetJsonAsync("/api/v1/dead-letters?limit=5");

        Assert.That(page.GetProperty("deadLetters").GetArrayLength(), Is.EqualTo(5));
        Assert.That(page.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Get_Next_KeepsTheStation()
    {
        var page = await GetJsonAsync("/api/v1/dead-letters?station=rrg-school-01&limit=1");
        var next = await GetJsonAsync(page.GetProperty("next").GetString()!);

        Assert.That(next.GetProperty("deadLetters").EnumerateArray().Select(l => l.GetProperty("station").GetString()), Is.EqualTo(new[] { "rrg-school-01" }));
        Assert.That(next.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Get_LongPayload_ListShowsTheFirstKibibyteWithSizeAndFlag()
    {
        var letter = (await GetJsonAsync("/api/v1/dead-letters?station=rrg-road-01")).GetProperty("deadLetters")[1];

        Assert.That(letter.GetProperty("id").GetInt64(), Is.EqualTo(_longId));
        Assert.That(letter.GetProperty("payload").GetString(), Is.EqualTo(LongText[..1024]));
        Assert.That(letter.GetProperty("payloadSize").GetInt64(), Is.EqualTo(Encoding.UTF8.GetByteCount(LongText)));
        Assert.That(letter.GetProperty("truncated").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Get_LongMultiBytePayload_IsCutBetweenCharactersAndStaysText()
    {
        var letter = (await GetJsonAsync("/api/v1/dead-letters?station=rrg-road-01")).GetProperty("deadLetters")[0];

        Assert.That(letter.GetProperty("id").GetInt64(), Is.EqualTo(_accentedId));
        Assert.That(letter.GetProperty("payload").GetString(), Is.EqualTo(new string('é', 512)));
        Assert.That(letter.GetProperty("truncated").GetBoolean(), Is.True);
    }

    [Test]
    public async Task GetOne_GivesTheWholeStoredPayload()
    {
        var letter = await GetJsonAsync($"/api/v1/dead-letters/{_longId}");

        Assert.That(letter.GetProperty("reason").GetString(), Is.EqualTo("unknown station 'rrg-road-01'"));
        Assert.That(letter.GetProperty("payload").GetString(), Is.EqualTo(LongText));
        Assert.That(letter.GetProperty("truncated").GetBoolean(), Is.False);
    }

    [Test]
    public async Task GetOne_Unknown_Is404Problem()
    {
        var response = await _http.GetAsync("/api/v1/dead-letters/999999");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem!.Detail, Does.Contain("No dead letter 999999"));
    }

    [TestCase("limit=0", "limit", "limit between 1 and 1000")]
    [TestCase("limit=5000", "limit", "limit between 1 and 1000")]
    [TestCase("before=0", "before", "id of a dead letter")]
    [TestCase("before=-3", "before", "id of a dead letter")]
    public async Task Get_BadQuery_Is400ProblemNamingTheParameter(string query, string parameter, string message)
    {
        var response = await _http.GetAsync("/api/v1/dead-letters?" + query);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors[parameter].Single(), Does.Contain(message));
    }

    [Test]
    public async Task Get_PayloadOverTheCap_IsStoredCutAndFlagged()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["DeadLetters:MaxPayloadBytes"] = "100" });
        using var http = hub.CreateClient();
        await hub.Services.GetRequiredService<DeadLetterStore>().AddAsync([new DeadLetter(T0, "moci/v1/x/senml", null, "r", Enumerable.Repeat((byte)0xff, 300).ToArray())]);

        var letter = (await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters")).GetProperty("deadLetters")[0];
        var one = await http.GetFromJsonAsync<JsonElement>($"/api/v1/dead-letters/{letter.GetProperty("id").GetInt64()}");

        Assert.That(Convert.FromBase64String(one.GetProperty("payloadBase64").GetString()!), Has.Length.EqualTo(100));
        Assert.That(one.GetProperty("payloadSize").GetInt64(), Is.EqualTo(300));
        Assert.That(one.GetProperty("truncated").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Get_QuotaExceeded_ReportsTheDroppedCount()
    {
        using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["DeadLetters:MaxPayloadBytes"] = "100",
            ["DeadLetters:MaxTotalBytes"] = "1000",
        });
        using var http = hub.CreateClient();
        var letters = Enumerable.Range(0, 20).Select(i => new DeadLetter(T0.AddSeconds(i), "t", null, "r", new byte[100])).ToList();
        await hub.Services.GetRequiredService<DeadLetterStore>().AddAsync(letters);

        var page = await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters");

        Assert.That(page.GetProperty("total").GetInt64() + page.GetProperty("dropped").GetInt64(), Is.EqualTo(20));
        Assert.That(page.GetProperty("dropped").GetInt64(), Is.GreaterThanOrEqualTo(11), "at most 9 letters of 102 bytes fit in 1000 bytes");
    }
}
