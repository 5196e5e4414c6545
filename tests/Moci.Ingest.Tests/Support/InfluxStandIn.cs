using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// A small real HTTP server on a free port that answers the parts of the InfluxDB 2.x API the store uses, with
/// what the test sets: <c>/ping</c>, <c>POST /api/v2/query</c> (the annotated CSV given, the Flux text of each
/// request recorded), <c>GET /api/v2/buckets</c>, <c>GET /api/v2/orgs</c> and <c>POST /api/v2/write</c> (bodies
/// recorded). For the read path of InfluxDB.Client, where no InfluxDB 2.x can run.
/// </summary>
internal sealed class InfluxStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InfluxStandIn(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The annotated CSV every query is answered with.</summary>
    public string QueryResponse { get; set; } = "";

    /// <summary>When not 0, every <c>/api/v2</c> request is answered with this status and an InfluxDB error body.</summary>
    public int FailWith { get; set; }

    /// <summary>The JSON of <c>GET /api/v2/buckets</c>.</summary>
    public string BucketsJson { get; set; } = """{"buckets":[]}""";

    /// <summary>The JSON of <c>GET /api/v2/orgs</c>.</summary>
    public string OrgsJson { get; set; } = """{"orgs":[]}""";

    /// <summary>The Flux text of each query received, in order.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>The line-protocol body of each write received, in order.</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    public static async Task<InfluxStandIn> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new InfluxStandIn(app, url);
        app.Use(async (context, next) =>
        {
            if (standIn.FailWith != 0 && context.Request.Path.StartsWithSegments("/api/v2"))
            {
                context.Response.StatusCode = standIn.FailWith;
                await context.Response.WriteAsJsonAsync(new { code = "unauthorized", message = $"stand-in answers {standIn.FailWith}" });
                return;
            }

            await next(context);
        });
        app.MapGet("/ping", () => Results.NoContent());
        app.MapPost("/api/v2/query", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            standIn.Queries.Enqueue(body.RootElement.GetProperty("query").GetString()!);
            return Results.Text(standIn.QueryResponse, "text/csv; charset=utf-8");
        });
        app.MapGet("/api/v2/buckets", () => Results.Text(standIn.BucketsJson, "application/json"));
        app.MapGet("/api/v2/orgs", () => Results.Text(standIn.OrgsJson, "application/json"));
        app.MapPost("/api/v2/write", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            standIn.Writes.Enqueue(await reader.ReadToEndAsync());
            return Results.NoContent();
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
