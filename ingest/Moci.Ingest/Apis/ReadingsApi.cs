using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/readings</c>: the readings of one station and metric in a half-open UTC range
/// [from, to) (<see cref="TimeRange"/>; or <c>range=7d</c> ending at <c>to</c>), as JSON or, with
/// <c>format=csv</c>, as a CSV download. Both stream. With <c>resolution=hour</c> or <c>day</c> (or <c>auto</c>, which
/// picks the coarsest that still gives a point per pixel column of a chart <c>width</c> columns wide), JSON periods
/// from the rollups instead, each with its mean, lowest, highest, counts, coverage and whether it is incomplete.
/// </summary>
public static class ReadingsApi
{
    /// <summary>How far back 'from' lies when the query omits it; 'to' defaults to now.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapReadingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/readings").WithTags("Readings");
        group.MapGet("/", GetReadings)
            .WithSummary("Readings of one station and metric in [from, to), JSON or CSV; or hourly or daily periods with completeness")
            .WithDescription(
                "resolution=raw (or auto over a short range) answers the readings (ReadingsResponse, JSON or CSV); " +
                "resolution=hour or day (or auto over a long range) answers periods from the rollups (PeriodsResponse, JSON): " +
                "mean, min, max, count, validCount, coverage, and incomplete with no mean below 75 % of an hour or 18 complete hours of a day.")
            .Produces<ReadingsResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(ResponseDocumentation.OkAs([typeof(ReadingsResponse), typeof(PeriodsResponse)], "text/csv"));
        return group;
    }

    public static async Task<Results<Ok<ReadingsResponse>, Ok<PeriodsResponse>, PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetReadings(
        string? station,
        string? metric,
        string? from,
        string? to,
        string? range,
        string? format,
        string? resolution,
        int? width,
        StationRegistry registry,
        SeriesQueries queries,
        TimeProvider time,
        HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        Metric? found = null;
        if (string.IsNullOrWhiteSpace(station))
        {
            errors["station"] = ["Give the station id, e.g. station=rrg-school-01."];
        }

        if (string.IsNullOrWhiteSpace(metric))
        {
            errors["metric"] = ["Give the metric, e.g. metric=pm2_5."];
        }
        else if (!MetricCatalogue.TryGet(metric, out found))
        {
            errors["metric"] = [$"Unknown metric '{metric}'. Known metrics: {MetricCatalogue.KnownNames}."];
        }

        var output = (format ?? "json").ToLowerInvariant();
        if (output is not ("json" or "csv"))
        {
            errors["format"] = [$"Unknown format '{format}'. Use json (the default) or csv."];
        }

        if (!TimeRange.TryParse(from, to, range, time.GetUtcNow(), DefaultRange, out var span, out var rangeErrors))
        {
            foreach (var (name, message) in rangeErrors)
            {
                errors[name] = [message];
            }
        }

        if (!Resolutions.TryParse(resolution, out var chosen))
        {
            errors["resolution"] = [$"Unknown resolution '{resolution}'. Use {Resolutions.Names} (the default)."];
        }

        if (width is < 1 or > Resolutions.MaxWidth)
        {
            errors["width"] = [$"'width' is the chart's width in pixel columns for resolution=auto: 1 to {Resolutions.MaxWidth} (default {Resolutions.DefaultWidth})."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The readings query is not valid");
        }

        if (!registry.TryGet(station!, out _))
        {
            return StationsApi.UnknownStation(station!);
        }

        var pick = chosen ?? Resolutions.Choose(span, width ?? Resolutions.DefaultWidth);
        if (pick != Resolution.Raw)
        {
            if (output == "csv")
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["format"] = [$"Hourly and daily periods ({pick.ToString().ToLowerInvariant()}) come as JSON only; leave out format, or ask for resolution=raw."] },
                    title: "The readings query is not valid");
            }

            var periods = await queries.PeriodsAsync(station!, found!.Name, pick, span, context.RequestAborted);
            return TypedResults.Ok(PeriodsResponse.Of(station!, found, periods));
        }

        var readings = await StartedStream.StartAsync(queries.ReadingsAsync(station!, found!.Name, span), context);
        if (output == "csv")
        {
            var fileName = $"{station}_{found.Name}_{span.From:yyyyMMdd'T'HHmmss'Z'}_{span.To:yyyyMMdd'T'HHmmss'Z'}.csv";
            return TypedResults.Stream(
                (stream) => ReadingsCsv.WriteAsync(stream, found, readings),
                contentType: "text/csv; charset=utf-8",
                fileDownloadName: fileName);
        }

        return TypedResults.Ok(new ReadingsResponse(station!, found.Name, found.Unit, span.From, span.To, ToValues(readings)));
    }

    private static async IAsyncEnumerable<ReadingValue> ToValues(IAsyncEnumerable<Reading> readings)
    {
        await foreach (var reading in readings)
        {
            yield return ReadingValue.From(reading);
        }
    }
}
