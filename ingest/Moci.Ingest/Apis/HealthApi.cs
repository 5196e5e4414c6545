using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Broker;
using Moci.Ingest.Intake;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/health</c>: whether the intake is connected, its queue depth, running totals, and what the embedded
/// broker refused (by reason) with its open connections.
/// </summary>
public static class HealthApi
{
    /// <param name="BrokerConnected">Whether the intake is connected to the broker.</param>
    /// <param name="QueueDepth">Received messages waiting for the batch writer.</param>
    /// <param name="Totals">The intake's totals since start.</param>
    /// <param name="OpenConnections">TCP connections open at the embedded broker (0 with an external broker).</param>
    /// <param name="Refused">What the embedded broker refused since start, by reason (only reasons that occurred).</param>
    public sealed record HealthResponse(bool BrokerConnected, int QueueDepth, IngestCountersSnapshot Totals, long OpenConnections, IReadOnlyDictionary<string, long> Refused);

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/", GetHealth).WithSummary("Intake connection, queue depth and totals since start");
        return group;
    }

    public static Ok<HealthResponse> GetHealth(MqttIntake intake, IntakeQueue queue, IngestCounters counters, BrokerCounters broker) =>
        TypedResults.Ok(new HealthResponse(intake.IsConnected, queue.Depth, counters.Snapshot(), broker.OpenConnections, broker.Snapshot()));
}
