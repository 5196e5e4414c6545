using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moci.Dashboard.Charts;
using Moci.Dashboard.Options;
using Moci.Dashboard.Stations;
using Moci.Ingest.Apis;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Apis;

/// <summary>
/// <c>/api/v1/charts</c>: a station's chart of one metric as an SVG or PNG file that stands on its own in a report: the
/// station, metric, unit and local period in its title, the source and licence under it, the chosen limit set's values
/// as labelled lines. Any range (<c>from</c>/<c>to</c>, or <c>range</c> such as 24h, 7d, 30d, 1y), drawn from the
/// readings or, when they fill the chart's columns, the hourly or daily rollups.
/// </summary>
public static class ChartsApi
{
    /// <summary>The range drawn when the request names none.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/charts").WithTags("Charts");
        group.MapGet("/{station}/{metric}.svg", GetSvg)
            .WithSummary("Chart of one metric of a station as SVG: from/to or range (24h, 7d, 30d, 1y …), limits=eu2008|eu2030|who2021|none")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{station}/{metric}.png", GetPng)
            .WithSummary("The same chart as a PNG image")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetSvg(
        string station, string metric, string? from, string? to, string? range, string? limits,
        StationOverview overview, ChartRenderer renderer, IOptions<ChartOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        ChartAsync(station, metric, from, to, range, limits, overview, options.Value, time, "svg", "image/svg+xml",
            (subject, series) => Encoding.UTF8.GetBytes(renderer.RenderSvg(subject, series)), renderer, cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetPng(
        string station, string metric, string? from, string? to, string? range, string? limits,
        StationOverview overview, ChartRenderer renderer, IOptions<ChartOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        ChartAsync(station, metric, from, to, range, limits, overview, options.Value, time, "png", "image/png",
            (subject, series) => renderer.RenderPng(subject, series), renderer, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ChartAsync(
        string station, string metric, string? from, string? to, string? range, string? limits,
        StationOverview overview, ChartOptions options, TimeProvider time, string extension, string contentType,
        Func<ChartSubject, ChartSeries, byte[]> render, ChartRenderer renderer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MetricCatalogue.TryGet(metric, out var found))
        {
            errors["metric"] = [$"Unknown metric '{metric}'. Known metrics: {MetricCatalogue.KnownNames}."];
        }

        if (!TimeRange.TryParse(from, to, range, time.GetUtcNow(), DefaultRange, out var period, out var rangeErrors))
        {
            foreach (var (name, message) in rangeErrors)
            {
                errors[name] = [message];
            }
        }

        if (!ChartLimits.TryResolve(limits, options.DefaultLimits, out var set))
        {
            errors["limits"] = [$"Unknown limit set '{limits}'. Use {ChartLimits.Names}; without it, {options.DefaultLimits}."];
        }

        if (errors.Count > 0 || found is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The chart request is not valid");
        }

        if (await overview.OneAsync(station, cancellationToken) is not { } summary)
        {
            return StationsApi.UnknownStation(station);
        }

        var subject = new ChartSubject(summary.Station.Id, summary.Station.Name, found, period, set);
        var series = await overview.ChartAsync(station, found, period, ChartRenderer.Columns(), cancellationToken);
        return TypedResults.File(render(subject, series), contentType, ChartText.FileName(subject, renderer.Credits, extension));
    }
}
