using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Apis;

/// <summary>The ingest host on its own, in the Production environment as schools run it.</summary>
public sealed class IngestErrorsTests
{
    /// <summary>Sent with every request: a 500 body must not echo request headers.</summary>
    private const string ProbeHeader = "probe-7f3c91";

    private HubFactory _healthy = null!;
    private HubFactory _broken = null!;
    private WebApplicationFactory<Program> _healthyProduction = null!;
    private WebApplicationFactory<Program> _brokenProduction = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _healthy = new HubFactory();
        _healthyProduction = _healthy.WithWebHostBuilder(web => web.UseEnvironment("Production"));
        _broken = new HubFactory();
        _brokenProduction = _broken.WithWebHostBuilder(web => web.UseEnvironment("Production"));
        _ = _brokenProduction.Server;

        // A damaged file under a running hub: every query of the stores fails.
        await StoredValues.ExecuteAsync(_broken.DatabasePath, "DROP TABLE readings; DROP TABLE series; DROP TABLE dead_letters;");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _healthyProduction.Dispose();
        _healthy.Dispose();
        _brokenProduction.Dispose();
        _broken.Dispose();
    }

    private static async Task<(HttpResponseMessage Response, string Body)> SendAsync(WebApplicationFactory<Program> hub, HttpMethod method, string path)
    {
        using var http = hub.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Probe", ProbeHeader);
        var response = await http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [TestCase("/api/v1/stations/rrg-school-01/latest")]
    [TestCase("/api/v1/readings?station=rrg-school-01&metric=pm2_5")]
    [TestCase("/api/v1/readings?station=rrg-school-01&metric=pm2_5&format=csv")]
    [TestCase("/api/v1/dead-letters")]
    [TestCase("/api/v1/dead-letters/1")]
    public async Task Get_DatabaseFails_Is500ProblemWithoutInternals(string path)
    {
        var (response, body) = await SendAsync(_brokenProduction, HttpMethod.Get, path);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, Json.Options);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), body);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem!.Status, Is.EqualTo(500));
        Assert.That(problem.Extensions, Does.ContainKey("traceId"), "so the hub's log entry can be found");
        Assert.That(body, Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain(".cs")
            .And.Not.Contain("no such table").And.Not.Contain(ProbeHeader).And.Not.Contain(_broken.DatabasePath));
    }

    [Test]
    public async Task Get_UnknownApiRoute_Is404Problem()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Get, "/api/v1/nothing-here");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(body, Does.Contain("\"status\":404"));
    }

    [Test]
    public async Task Post_ToAReadOnlyRoute_Is405Problem()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Post, "/api/v1/stations");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(body, Does.Contain("\"status\":405"));
    }

    [TestCase("/api/v1/dead-letters?limit=many", "limit")]
    [TestCase("/api/v1/dead-letters?before=yesterday", "before")]
    public async Task Get_ParameterOfTheWrongType_Is400ProblemNamingIt(string path, string parameter)
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Get, path);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem!.Detail, Does.Contain(parameter));
    }

    [Test]
    public async Task Get_DatabaseFailsInDevelopment_NamesTheException()
    {
        using var hub = new HubFactory();
        using var development = hub.WithWebHostBuilder(web => web.UseEnvironment("Development"));
        _ = development.Server;
        await StoredValues.ExecuteAsync(hub.DatabasePath, "DROP TABLE readings; DROP TABLE series;");

        var (response, body) = await SendAsync(development, HttpMethod.Get, "/api/v1/stations/rrg-school-01/latest");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Contain("SqliteException"), "a developer sees what failed");
    }
}
