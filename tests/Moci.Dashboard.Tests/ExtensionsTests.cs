using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Moci.Dashboard.Tests.Support;
using Moci.Ingest.Tests.Support;

namespace Moci.Dashboard.Tests;

/// <summary>
/// The dashboard's request pipeline in the Production environment, as schools run the hub: the read API
/// answers ProblemDetails for every error, the pages answer HTML.
/// </summary>
public sealed class ExtensionsTests
{
    /// <summary>Sent with every request: a 500 body must not echo request headers.</summary>
    private const string ProbeHeader = "probe-7f3c91";

    private DashboardFactory _healthy = null!;
    private DashboardFactory _broken = null!;
    private WebApplicationFactory<Program> _healthyProduction = null!;
    private WebApplicationFactory<Program> _brokenProduction = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _healthy = new DashboardFactory();
        _healthyProduction = _healthy.WithWebHostBuilder(web => web.UseEnvironment("Production"));
        _broken = new DashboardFactory();
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
        using var http = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Probe", ProbeHeader);
        var response = await http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [TestCase("/api/v1/stations/rrg-school-01/latest")]
    [TestCase("/api/v1/readings?station=rrg-school-01&metric=pm2_5")]
    [TestCase("/api/v1/readings?station=rrg-school-01&metric=pm2_5&format=csv")]
    [TestCase("/api/v1/charts/rrg-school-01/pm2_5.svg")]
    [TestCase("/api/v1/dead-letters")]
    public async Task Api_DatabaseFails_Is500ProblemWithoutInternals(string path)
    {
        var (response, body) = await SendAsync(_brokenProduction, HttpMethod.Get, path);
        using var problem = JsonDocument.Parse(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), body);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(500));
        Assert.That(body, Does.Not.Contain("Exception").And.Not.Contain(" at ").And.Not.Contain(".cs")
            .And.Not.Contain("no such table").And.Not.Contain(ProbeHeader).And.Not.Contain(_broken.DatabasePath));
    }

    [Test]
    public async Task Api_UnknownRoute_Is404ProblemNotThePage()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Get, "/api/v1/nothing-here");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(body, Does.Contain("\"status\":404").And.Not.Contain("<html"));
    }

    [Test]
    public async Task Api_WrongMethod_Is405Problem()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Delete, "/api/v1/dead-letters");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(body, Does.Contain("\"status\":405"));
    }

    [Test]
    public async Task Api_ParameterOfTheWrongType_Is400ProblemNamingIt()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Get, "/api/v1/dead-letters?limit=many");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(body, Does.Contain("limit"));
    }

    [Test]
    public async Task Page_Unknown_IsTheNotFoundPage()
    {
        var (response, body) = await SendAsync(_healthyProduction, HttpMethod.Get, "/nothing-here");
        var page = new HtmlParser().ParseDocument(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Not found"));
    }

    [Test]
    public async Task Page_DatabaseFails_IsTheErrorPageWithoutInternals()
    {
        var (response, body) = await SendAsync(_brokenProduction, HttpMethod.Get, $"/stations/{DashboardFactory.AirStation}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(body, Does.Contain("An error occurred while processing your request").And.Not.Contain("no such table").And.Not.Contain(ProbeHeader));
    }
}
