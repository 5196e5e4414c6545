namespace Moci.Ingest.Apis;

/// <summary>A page of dead letters, newest first.</summary>
/// <param name="Station">The station asked for, or null for all.</param>
/// <param name="Total">Dead letters stored now (of <paramref name="Station"/> when given).</param>
/// <param name="Dropped">
/// Dead letters of all stations dropped since the table was made, oldest first, to keep it within
/// DeadLetters:MaxTotalBytes.
/// </param>
/// <param name="Next">The request for the next (older) page, or null on the last page.</param>
public sealed record DeadLetterPageResponse(string? Station, long Total, long Dropped, string? Next, DeadLetterResponse[] DeadLetters);
