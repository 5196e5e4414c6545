using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Intake;

namespace Moci.Ingest.Apis;

/// <summary><c>/api/v1/health</c>: whether the intake is connected, its queue depth and running totals.</summary>
public static class HealthApi
{
    public sealed record HealthResponse(bool BrokerConnected, int QueueDepth, IngestCountersSnapshot Totals);

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/", GetHealth).WithSummary("Intake connection, queue depth and totals since start");
        return group;
    }

    public static Ok<HealthResponse> GetHealth(MqttIntake intake, IntakeQueue queue, IngestCounters counters) =>
        TypedResults.Ok(new HealthResponse(intake.IsConnected, queue.Depth, counters.Snapshot()));
}
