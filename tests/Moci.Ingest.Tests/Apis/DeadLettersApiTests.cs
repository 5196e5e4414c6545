using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

public sealed class DeadLettersApiTests
{
    private HubFactory _hub = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _hub = new HubFactory();
        _http = _hub.CreateClient();
        var t0 = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        await _hub.Services.GetRequiredService<DeadLetterStore>().AddAsync(
        [
            new DeadLetter(t0, "moci/v1/rrg-school-01/senml", "rrg-school-01", "invalid SenML pack: not valid JSON", Encoding.UTF8.GetBytes("{oops")),
            new DeadLetter(t0.AddMinutes(1), "moci/v1/shk-river-01/senml", "shk-river-01", "unknown metric 'nitrate'", [0xff, 0xfe, 0x00]),
            new DeadLetter(t0.AddMinutes(2), "moci/v1/rrg-school-01/senml", "rrg-school-01", "unit 'Cel' is not accepted for 'pm10'", Encoding.UTF8.GetBytes("[]")),
        ]);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Test]
    public async Task Get_OneStation_NewestFirstWithReasonAndPayloadText()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/dead-letters?station=rrg-school-01"));
        var letters = document.RootElement.EnumerateArray().ToList();

        Assert.That(letters.Select(l => l.GetProperty("reason").GetString()), Is.EqualTo(new[] { "unit 'Cel' is not accepted for 'pm10'", "invalid SenML pack: not valid JSON" }));
        Assert.That(letters[1].GetProperty("payload").GetString(), Is.EqualTo("{oops"));
    }

    [Test]
    public async Task Get_BinaryPayload_IsGivenInBase64()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/dead-letters?station=shk-river-01"));
        var letter = document.RootElement[0];

        Assert.That(letter.GetProperty("payload").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(letter.GetProperty("payloadBase64").GetString(), Is.EqualTo("//4A"));
    }

    [Test]
    public async Task Get_Limit_CapsTheList()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/dead-letters?limit=1"));

        Assert.That(document.RootElement.GetArrayLength(), Is.EqualTo(1));
    }

    [TestCase("0")]
    [TestCase("5000")]
    public async Task Get_BadLimit_Is400NamingIt(string limit)
    {
        var response = await _http.GetAsync("/api/v1/dead-letters?limit=" + limit);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("limit between 1 and 1000"));
    }
}
