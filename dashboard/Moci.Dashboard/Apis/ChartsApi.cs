using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Dashboard.Charts;
using Moci.Dashboard.Stations;
using Moci.Ingest.Apis;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Apis;

/// <summary><c>/api/v1/charts</c>: a station's chart of one metric as an SVG file, for reports and evidence.</summary>
public static class ChartsApi
{
    public static RouteGroupBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/charts").WithTags("Charts");
        group.MapGet("/{station}/{metric}.svg", GetSvg).WithSummary("Chart of one metric of a station over the last 24 h, 7 d, 30 d or 365 d, as SVG; long ranges drawn from hourly or daily rollups");
        return group;
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetSvg(
        string station, string metric, string? range, StationOverview overview, ChartRenderer renderer, TimeProvider time, CancellationToken cancellationToken)
    {
        var span = ChartRange.Find(range ?? ChartRange.Day.Key);
        if (!MetricCatalogue.TryGet(metric, out var found) || span is null)
        {
            var errors = new Dictionary<string, string[]>();
            if (found is null)
            {
                errors["metric"] = [$"Unknown metric '{metric}'. Known metrics: {MetricCatalogue.KnownNames}."];
            }

            if (span is null)
            {
                errors["range"] = [$"Unknown range '{range}'. Use {string.Join(" or ", ChartRange.All.Select(r => r.Key))}."];
            }

            return TypedResults.ValidationProblem(errors, title: "The chart request is not valid");
        }

        if (await overview.OneAsync(station, cancellationToken) is null)
        {
            return StationsApi.UnknownStation(station);
        }

        var period = TimeRange.Ending(time.GetUtcNow(), span.Length);
        var series = await overview.ChartAsync(station, found, period, ChartRenderer.Columns(), cancellationToken);
        return TypedResults.Content(renderer.RenderSvg(found, series, period), "image/svg+xml");
    }
}
