using System.Buffers;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Storage;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/dead-letters</c>: what the hub received but could not store, newest first, with the reason,
/// so that whoever set up a station sees at once what to fix. Lists page by id and show the start of each
/// payload; one dead letter by id has its whole stored payload.
/// </summary>
public static class DeadLettersApi
{
    public const int MaxLimit = 1000;

    public const int DefaultLimit = 100;

    /// <summary>Bytes of each payload a list shows: enough to recognise a message, little enough for 1000 of them.</summary>
    public const int PreviewBytes = 1024;

    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters");
        group.MapGet("/", GetDeadLetters).WithSummary("Messages the hub could not store, newest first, with the reason, a page at a time");
        group.MapGet("/{id:long}", GetDeadLetter).WithSummary("One dead letter with its whole stored payload").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<DeadLetterPageResponse>, ValidationProblem>> GetDeadLetters(
        string? station, int? limit, long? before, DeadLetterStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Give a limit between 1 and {MaxLimit} (was {limit})."];
        }

        if (before is < 1)
        {
            errors["before"] = [$"Give 'before' as the id of a dead letter, 1 or more (was {before}); the 'next' request of a page has it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The dead-letter query is not valid");
        }

        var size = limit ?? DefaultLimit;

        // One more than a page tells whether there is a next one.
        var letters = await store.ListAsync(station, size + 1, before, PreviewBytes, cancellationToken);
        var page = letters.Take(size).Select(ToResponse).ToArray();
        var next = letters.Count > size ? NextPage(station, size, page[^1].Id) : null;
        var total = await store.CountAsync(station, cancellationToken);
        var dropped = await store.DroppedAsync(cancellationToken);
        return TypedResults.Ok(new DeadLetterPageResponse(station, total, dropped, next, page));
    }

    public static async Task<Results<Ok<DeadLetterResponse>, ProblemHttpResult>> GetDeadLetter(long id, DeadLetterStore store, CancellationToken cancellationToken)
    {
        return await store.GetAsync(id, cancellationToken) is { } letter
            ? TypedResults.Ok(ToResponse(letter))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown dead letter",
                detail: $"No dead letter {id} is stored on this hub; the oldest are dropped when the table is full. GET /api/v1/dead-letters lists them.");
    }

    private static string NextPage(string? station, int limit, long lastId) =>
        "/api/v1/dead-letters?" + (station is null ? "" : $"station={Uri.EscapeDataString(station)}&") + $"limit={limit}&before={lastId}";

    private static DeadLetterResponse ToResponse(DeadLetter letter)
    {
        var text = AsText(letter.Payload, letter.Truncated);
        return new DeadLetterResponse(
            letter.Id, letter.ReceivedAt, letter.Topic, letter.StationId, letter.Reason,
            text, text is null ? Convert.ToBase64String(letter.Payload) : null, letter.PayloadSize, letter.Truncated);
    }

    /// <summary>
    /// The payload as text when it is valid UTF-8, else null. A cut payload may end inside a character:
    /// that incomplete character is left out rather than turning the whole payload into base64.
    /// </summary>
    private static string? AsText(byte[] payload, bool cut)
    {
        var chars = new char[payload.Length];
        var status = Utf8.ToUtf16(payload, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: !cut);
        return status is OperationStatus.Done or OperationStatus.NeedMoreData ? new string(chars, 0, written) : null;
    }
}
