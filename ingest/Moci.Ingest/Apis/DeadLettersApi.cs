using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Storage;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/dead-letters</c>: what the hub received but could not store, newest first, with the reason,
/// so that whoever set up a station sees at once what to fix.
/// </summary>
public static class DeadLettersApi
{
    public const int MaxLimit = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters");
        group.MapGet("/", GetDeadLetters).WithSummary("Messages the hub could not store, newest first, with the reason");
        return group;
    }

    public static async Task<Results<Ok<DeadLetterResponse[]>, ValidationProblem>> GetDeadLetters(
        string? station, int? limit, DeadLetterStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"Give a limit between 1 and {MaxLimit} (was {limit})."] },
                title: "The dead-letter query is not valid");
        }

        var letters = await store.ListAsync(station, limit ?? 100, cancellationToken);
        return TypedResults.Ok(letters.Select(ToResponse).ToArray());
    }

    private static DeadLetterResponse ToResponse(DeadLetter letter)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(letter.Payload);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new DeadLetterResponse(
            letter.Id, letter.ReceivedAt, letter.Topic, letter.StationId, letter.Reason,
            text, text is null ? Convert.ToBase64String(letter.Payload) : null);
    }
}
