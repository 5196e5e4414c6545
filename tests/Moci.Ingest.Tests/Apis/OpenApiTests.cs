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
}
