using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Queries;

namespace Moci.Ingest.Apis;

/// <summary><c>/api/v1/stations/{id}/health</c>: the newest health report a station sent, with what is wrong in words.</summary>
public static class StationHealthApi
{
    public static RouteGroupBuilder MapStationHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stations").WithTags("Stations");
        group.MapGet("/{id}/health", GetHealth)
            .WithSummary("The newest health report of a station: outbox, clock, sensors, and warnings in plain words")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<StationHealthResponse>, ProblemHttpResult>> GetHealth(
        string id, StationHealthQueries health, TimeProvider time, CancellationToken cancellationToken)
    {
        var (outcome, latest) = await health.LatestAsync(id, cancellationToken);
        return outcome switch
        {
            HealthLookup.Found => TypedResults.Ok(StationHealthResponse.From(latest!, time.GetUtcNow())),
            HealthLookup.NoneYet => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No health report yet",
                detail: $"Station '{id}' has sent no health report yet. A station running moci-bridge sends one on moci/v1/{id}/health when it connects and then every few minutes."),
            _ => StationsApi.UnknownStation(id),
        };
    }
}
