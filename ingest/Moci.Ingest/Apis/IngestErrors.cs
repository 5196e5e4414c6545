using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Moci.Ingest.Apis;

/// <summary>
/// How the read API answers errors: every error under <c>/api</c> (400, 404 also for an unknown route,
/// 405, 500 ...) is a ProblemDetails JSON body (<c>application/problem+json</c>, RFC 9457), whichever host
/// serves the API. Outside the Development environment a 500 says only that the hub failed and gives the
/// <c>traceId</c> of the log entry that has the details: no exception, stack trace, path or header.
/// </summary>
public static class IngestErrors
{
    /// <summary>Whether the request is for the read API, whose errors are ProblemDetails, not pages.</summary>
    private static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Adds the error pipeline of <c>/api</c> requests. A host that also serves pages calls it after its own
    /// error handlers (error page, status-code pages): an API error is then answered here first, and the
    /// host's status-code pages are switched off for API requests.
    /// </summary>
    public static IApplicationBuilder UseIngestErrors(this IApplicationBuilder app)
    {
        var development = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.UseWhen(IsApiRequest, api =>
        {
            api.Use((context, next) =>
            {
                // A not-found page, say, is for a person in a browser, not for a program reading the API.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return next(context);
            });

            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                ExceptionHandler = context => WriteProblemAsync(context, development),

                // A query that does not bind is the client's mistake, answered with a 400 that says so; it
                // is no error of the hub to log.
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });

            // Answers without a body (an unknown route, a method the route does not take) get one.
            api.UseStatusCodePages();
        });
    }

    private static Task WriteProblemAsync(HttpContext context, bool development)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            // The framework's message names the parameter and the text it could not read, e.g.
            // Failed to bind parameter "int? limit" from "many".
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid", Detail = bad.Message };
        }
        else
        {
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "The hub could not answer",
                Detail = "Something failed on the hub. Its log has the details under the traceId of this answer.",
            };
            if (development && exception is not null)
            {
                problem.Extensions["exception"] = exception.ToString();
            }
        }

        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
