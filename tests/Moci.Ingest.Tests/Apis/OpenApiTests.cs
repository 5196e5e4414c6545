using System.Text.Json;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

public sealed class OpenApiTests
{
    [Test]
    public async Task Get_OpenApiDocument_DescribesTheReadApiWithItsParameters()
    {
        using var hub = new HubFactory();
        using var http = hub.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var readings = paths.GetProperty("/api/v1/readings").GetProperty("get");

        Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "/api/v1/stations", "/api/v1/stations/{id}", "/api/v1/stations/{id}/latest", "/api/v1/readings",
            "/api/v1/metrics", "/api/v1/health", "/api/v1/dead-letters", "/api/v1/dead-letters/{id}",
        }));
        Assert.That(readings.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { "station", "metric", "from", "to", "range", "format", "resolution", "width" }));
        Assert.That(readings.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "400", "404" }));
        Assert.That(readings.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name),
            Is.EquivalentTo(new[] { "application/json", "text/csv" }));
    }

    [Test]
    public async Task Get_OpenApiDocument_ReadingsAnswerRawReadingsOrPeriodsWithTheirCompleteness()
    {
        var root = await DocumentAsync();
        var ok = root.GetProperty("paths").GetProperty("/api/v1/readings").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        var periods = Schema(root, "PeriodsResponse").GetProperty("properties");
        var period = periods.GetProperty("periods").GetProperty("items").GetProperty("properties");

        Assert.That(ok.GetProperty("application/json").GetProperty("schema").GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString()),
            Is.EquivalentTo(new[] { "#/components/schemas/ReadingsResponse", "#/components/schemas/PeriodsResponse" }));
        Assert.That(ok.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("string"));
        Assert.That(periods.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "resolution", "intervalSeconds", "expectedPerHour", "periods" }));
        Assert.That(period.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "start", "end", "mean", "min", "max", "count", "validCount", "coverage", "validHours", "incomplete",
        }));
        Assert.That(period.GetProperty("incomplete").GetProperty("type").GetString(), Is.EqualTo("boolean"));
        Assert.That(Schema(root, "ReadingsResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name), Does.Contain("readings"));
    }

    [TestCase("/api/v1/exceedances", "ExceedancesResponse", new[] { "station", "metric", "year", "limits" })]
    [TestCase("/api/v1/index", "IndexResponse", new[] { "station", "at" })]
    public async Task Get_OpenApiDocument_LimitsEndpointsAnswerTheirResponseOrAProblem(string path, string schema, string[] parameters)
    {
        var root = await DocumentAsync();
        var get = root.GetProperty("paths").GetProperty(path).GetProperty("get");
        var responses = get.GetProperty("responses");

        Assert.That(get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.EquivalentTo(parameters));
        Assert.That(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(),
            Is.EqualTo("#/components/schemas/" + schema));
        Assert.That(responses.GetProperty("400").GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/problem+json" }));
        Assert.That(responses.GetProperty("404").GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/problem+json" }));
        Assert.That(Schema(root, schema).GetProperty("properties").EnumerateObject(), Is.Not.Empty);
    }

    [Test]
    public async Task Get_OpenApiDocument_ExportAnswersACsvOrJsonFile()
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/export").GetProperty("get");
        var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");

        Assert.That(get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { "station", "metric", "from", "to", "format", "layout", "dialect", "tz", "resolution" }));
        Assert.That(content.EnumerateObject().Select(c => c.Name), Is.EquivalentTo(new[] { "text/csv", "application/json" }));
        Assert.That(content.EnumerateObject().Select(c => c.Value.GetProperty("schema").GetProperty("format").GetString()), Is.All.EqualTo("binary"));
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        using var hub = new HubFactory();
        using var http = hub.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.Clone();
    }

    private static JsonElement Schema(JsonElement root, string name) =>
        root.GetProperty("components").GetProperty("schemas").GetProperty(name);
}
