using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Apis;

/// <summary><c>/api/v1/metrics</c>: the metric catalogue (names, units, plausible ranges).</summary>
public static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics").WithTags("Metrics");
        group.MapGet("/", GetMetrics).WithSummary("The metric catalogue");
        return group;
    }

    public static Ok<MetricResponse[]> GetMetrics() => TypedResults.Ok(MetricCatalogue.All
        .Select(m => new MetricResponse(m.Name, m.Label, m.Unit, m.UnitSymbol, m.Medium.ToString(), m.PlausibleMinimum, m.PlausibleMaximum, m.Decimals))
        .ToArray());
}
