using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Moci.Ingest.Exports;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/export</c>: readings of several stations and metrics in one download, CSV (RFC 4180 or the
/// spreadsheet dialect) or JSON, long or wide, with station names, coordinates, UTC and local time, units, QA
/// flags and the licence. Streams from the store to the response: any range answers in flat memory.
/// </summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/export").WithTags("Export");
        group.MapGet("/", GetExport)
            .WithSummary("Readings, or hourly or daily means with their coverage (resolution=hour|day), of several stations and metrics in [from, to) as a CSV or JSON download with its licence")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json"])
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer(ResponseDocumentation.OkAs([], "text/csv", "application/json"));
        return group;
    }

    public static Results<PushStreamHttpResult, ValidationProblem> GetExport(
        string? station,
        string? metric,
        string? from,
        string? to,
        string? format,
        string? layout,
        string? dialect,
        string? tz,
        string? resolution,
        StationRegistry registry,
        ExportWriter writer,
        TimeProvider time,
        HttpContext context)
    {
        var query = new ExportQuery(station, metric, from, to, format, layout, dialect, tz, resolution);
        var request = query.Check(
            id => registry.TryGet(id, out var found) ? found : null,
            time.GetUtcNow(),
            writer.Notice.DefaultTimeZone,
            out var errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The export query is not valid");
        }

        context.Response.Headers.Append(HeaderNames.Link, writer.Notice.LinkHeader);
        return TypedResults.Stream(
            stream => writer.WriteAsync(stream, request, cancellationToken: context.RequestAborted),
            contentType: request.ContentType,
            fileDownloadName: ExportNotice.FileName(request));
    }
}
