using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Intake;
using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Apis;

/// <summary><c>/api/v1/stations</c>: the registered stations and their latest values.</summary>
public static class StationsApi
{
    public static RouteGroupBuilder MapStationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stations").WithTags("Stations");
        group.MapGet("/", GetStations).WithSummary("All registered stations");
        group.MapGet("/{id}", GetStation).WithSummary("One station").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/latest", GetLatest).WithSummary("The newest value of every metric of a station").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Ok<StationResponse[]>> GetStations(StationQueries stations, StationPresence presence, CancellationToken cancellationToken)
    {
        var all = await stations.AllAsync(cancellationToken);
        var connected = await presence.AllAsync(cancellationToken);
        return TypedResults.Ok(all.Select(s => StationResponse.From(s, connected.GetValueOrDefault(s.Station.Id)?.Online)).ToArray());
    }

    public static async Task<Results<Ok<StationResponse>, ProblemHttpResult>> GetStation(
        string id, StationQueries stations, StationPresence presence, CancellationToken cancellationToken) =>
        await stations.OneAsync(id, cancellationToken) is { } station
            ? TypedResults.Ok(StationResponse.From(station, (await presence.FindAsync(id, cancellationToken))?.Online))
            : UnknownStation(id);

    public static async Task<Results<Ok<LatestResponse>, ProblemHttpResult>> GetLatest(
        string id, StationRegistry registry, IReadingStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(id, out _))
        {
            return UnknownStation(id);
        }

        var now = time.GetUtcNow();
        var latest = await store.LatestAsync(id, cancellationToken);
        var values = latest
            .Select(r => new LatestValueResponse(
                r.Metric,
                MetricCatalogue.TryGet(r.Metric, out var metric) ? metric.Unit : "",
                r.Timestamp,
                ReadingValue.FiniteOrNull(r.Value),
                QaFlagNames.Of(r.Flags),
                Math.Round((now - r.Timestamp).TotalSeconds, 3)))
            .ToList();
        return TypedResults.Ok(new LatestResponse(id, values));
    }

    /// <summary>The 404 answer for a station id that is not registered.</summary>
    public static ProblemHttpResult UnknownStation(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown station",
        detail: $"No station '{id}' is registered on this hub. GET /api/v1/stations lists them.");
}
