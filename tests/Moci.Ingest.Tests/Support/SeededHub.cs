using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// A hub for the tests of a read API that share one data set: started once with test services, its store filled
/// before the first test, and the GETs those tests make (a 200 answer as JSON, a problem answer). Dispose it in the
/// fixture's one-time tear-down.
/// </summary>
internal sealed class SeededHub : IDisposable
{
    private readonly HubFactory _hub;
    private readonly WebApplicationFactory<Program> _host;

    private SeededHub(HubFactory hub, WebApplicationFactory<Program> host)
    {
        _hub = hub;
        _host = host;
        Http = host.CreateClient();
    }

    /// <summary>A client of the hub's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The hub's services, with those the test replaced.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The hub's store (a test's replacement when it gave one).</summary>
    public IReadingStore Store => _host.Services.GetRequiredService<IReadingStore>();

    /// <summary>Starts a hub whose services <paramref name="services"/> may replace, and writes <paramref name="readings"/> to its store.</summary>
    public static async Task<SeededHub> StartAsync(IEnumerable<Reading> readings, Action<IServiceCollection>? services = null)
    {
        var hub = new HubFactory();
        var seeded = new SeededHub(hub, hub.WithWebHostBuilder(web => web.ConfigureTestServices(s => services?.Invoke(s))));
        try
        {
            var written = await seeded.Store.WriteAsync([.. readings]);
            Assert.That(written.Conflicts, Is.Empty, "the test data holds two values under one key");
            return seeded;
        }
        catch
        {
            seeded.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="count"/> readings of one series, <paramref name="step"/> apart from <paramref name="from"/>:
    /// the i-th has the value <paramref name="value"/>(i) and the flags <paramref name="flags"/>(i) (none when not given).
    /// </summary>
    public static IEnumerable<Reading> Series(
        string station, string metric, DateTimeOffset from, TimeSpan step, int count, Func<int, double> value, Func<int, QaFlags>? flags = null) =>
        Enumerable.Range(0, count).Select(i => new Reading(station, metric, from + i * step, value(i), flags?.Invoke(i) ?? QaFlags.None));

    /// <summary>GETs <paramref name="pathAndQuery"/>, asserts a 200 answer (showing the body when not) and returns its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>GETs <paramref name="pathAndQuery"/>, asserts an <c>application/problem+json</c> answer with <paramref name="status"/> and returns it.</summary>
    public async Task<ValidationProblemDetails> GetProblemAsync(string pathAndQuery, HttpStatusCode status)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonSerializer.Deserialize<ValidationProblemDetails>(body, Json.Options)!;
    }

    public void Dispose()
    {
        Http.Dispose();
        _host.Dispose();
        _hub.Dispose();
    }
}
