using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Telemetry.Protocol;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/airrohr</c>: Sensor.Community ("airrohr") kits post their readings here through the firmware's
/// "Send data to custom API" setting, logged in with HTTP Basic as a station (user = station id, password = its
/// secret). The readings go through the same queue, batch writer and store as MQTT packs, and the kit gets
/// 200 only once they are committed.
/// </summary>
public static class AirrohrApi
{
    /// <summary>Largest body accepted. A kit with every sensor sends about 2 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// How long a post waits for its commit before it is answered 503. Below the firmware's own 20 s
    /// (<c>http.setTimeout(20 * 1000)</c> in <c>sendData</c>, airrohr-firmware.ino), so the kit hears the answer.
    /// </summary>
    public static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(15);

    // RFC 7617 §2.1: the realm, and that user and password are UTF-8.
    private const string Challenge = "Basic realm=\"MOCI hub\", charset=\"UTF-8\"";

    private const string CredentialsHelp =
        "On the kit's configuration page, under 'Send data to custom API', set User to the station id and Password to the station's secret.";

    public static RouteGroupBuilder MapAirrohrApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/airrohr").WithTags("Sensor.Community kits");
        // No Accepts<T>("application/json"): routing would then answer 415 to a sender that labels its JSON
        // otherwise, before it is even authenticated; the body is read as JSON whatever its Content-Type.
        group.MapPost("/", PostReadings)
            .WithSummary("Readings of a Sensor.Community (airrohr) kit, posted as a station with HTTP Basic; answered once committed")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", GetTotals).WithSummary("What kits posted since start, and which value types the hub ignored");
        return group;
    }

    public static async Task<Results<Ok<AirrohrResponse>, ProblemHttpResult>> PostReadings(
        HttpContext context,
        StationRegistry registry,
        IntakeQueue queue,
        AirrohrCounters counters,
        TimeProvider time,
        Microsoft.Extensions.Options.IOptions<Moci.Ingest.Options.IntakeOptions> intakeOptions,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AirrohrApi).FullName!);
        if (!TryReadCredentials(context.Request, out var stationId, out var secret))
        {
            return Unauthorized(context, "Send HTTP Basic credentials. " + CredentialsHelp);
        }

        switch (registry.Authenticate(stationId, secret))
        {
            case StationAuthResult.UnknownStation or StationAuthResult.WrongSecret:
                // The id is whatever the sender typed: escaped so that it cannot forge log lines.
                logger.AirrohrRefused(LogText.Escape(stationId), "unknown station or wrong secret");
                return Unauthorized(context, "The station id or the secret is wrong. " + CredentialsHelp);
            case StationAuthResult.Revoked:
                logger.AirrohrRefused(stationId, "revoked");
                return Forbidden($"Station '{stationId}' is revoked. Give it a new secret (moci stations rotate-secret) to take its readings again.");
            case StationAuthResult.NoSecret:
                logger.AirrohrRefused(stationId, "no secret yet");
                return Forbidden($"Station '{stationId}' has no secret yet. Give it one with moci stations rotate-secret and type it into the kit.");
        }

        if (!registry.TryGet(stationId, out var station))
        {
            return Unauthorized(context, "The station id or the secret is wrong. " + CredentialsHelp);
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The body is too large",
                detail: $"A Sensor.Community kit sends a few KiB; this hub takes at most {MaxBodyBytes / 1024} KiB.");
        }

        var receivedAt = time.GetUtcNow();
        var acceptance = AirrohrIntake.Accept(stationId, station.Kind, body, receivedAt, intakeOptions.Value.ToTimeRules());
        if (acceptance.Error is not null)
        {
            counters.Rejected();
            logger.AirrohrBodyRejected(stationId, acceptance.Error);
        }
        else
        {
            counters.Accepted(acceptance);
            logger.AirrohrAccepted(
                LogText.Escape(acceptance.ChipId), stationId, acceptance.Item.Readings.Count, acceptance.Item.DeadLetters.Count,
                LogText.Escape(string.Join(", ", acceptance.Ignored)));
        }

        var item = acceptance.Item;
        var commit = item.Readings.Count + item.DeadLetters.Count == 0
            ? Commit.Committed
            : await CommitAsync(item, queue, time, context.RequestAborted);
        if (acceptance.Error is not null)
        {
            // The body is wrong whether or not its dead letter is committed yet; once queued it is kept.
            var kept = commit == Commit.QueueFull
                ? "The hub was too busy to keep it as a dead letter."
                : $"It is kept as a dead letter: GET /api/v1/dead-letters?station={stationId}.";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not a Sensor.Community (airrohr) body",
                detail: $"{Capitalised(acceptance.Error)}. {kept}");
        }

        switch (commit)
        {
            case Commit.QueueFull:
                logger.AirrohrQueueFull(stationId, CommitTimeout);
                return Unavailable("The hub is too busy to take these readings now; they were not stored (the kit does not send them again).");
            case Commit.TimedOut:
                logger.AirrohrCommitTimedOut(stationId, CommitTimeout);
                return Unavailable("The readings are queued but the database has not confirmed them yet; they will be stored without being sent again.");
        }

        return TypedResults.Ok(new AirrohrResponse(item.Readings.Count, item.DeadLetters.Count, acceptance.Ignored));
    }

    public static Ok<AirrohrCountersSnapshot> GetTotals(AirrohrCounters counters) => TypedResults.Ok(counters.Snapshot());

    private enum Commit
    {
        Committed,
        QueueFull,
        TimedOut,
    }

    /// <summary>
    /// Queues the item like an MQTT message and waits until the batch writer has committed it (its
    /// <see cref="IntakeItem.AcknowledgeDelivery"/>), at most <see cref="CommitTimeout"/> in all.
    /// </summary>
    private static async Task<Commit> CommitAsync(IntakeItem item, IntakeQueue queue, TimeProvider time, CancellationToken aborted)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        item = item with
        {
            AcknowledgeDelivery = _ =>
            {
                committed.TrySetResult();
                return Task.CompletedTask;
            },
        };

        using var timeout = new CancellationTokenSource(CommitTimeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        try
        {
            await queue.Writer.WriteAsync(item, wait.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Commit.QueueFull;
        }

        try
        {
            await committed.Task.WaitAsync(wait.Token);
            return Commit.Committed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Commit.TimedOut;
        }
    }

    /// <summary>Reads the body into memory; null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // The length may be absent (chunked), so the limit is also kept while reading.
        var buffer = new byte[Math.Min(request.ContentLength ?? 4096, MaxBodyBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > MaxBodyBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer[..length];
            }

            length += read;
        }
    }

    /// <summary>Reads HTTP Basic credentials (RFC 7617): base64 of "user:password", UTF-8.</summary>
    private static bool TryReadCredentials(HttpRequest request, out string stationId, out string secret)
    {
        stationId = "";
        secret = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ||
            !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        stationId = decoded[..colon];
        secret = decoded[(colon + 1)..];
        return true;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static ProblemHttpResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not logged in as a station", detail: detail);
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The station may not send readings", detail: detail);

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Readings not confirmed", detail: detail);
}
