namespace Moci.Ingest.Apis;

/// <summary>
/// Starts a streamed query before the answer is committed to a status: a query that fails at once (the
/// database cannot be opened, a table is missing) still answers 500 with a ProblemDetails body, instead
/// of a 200 whose body breaks off. A failure after the first row can only abort the response.
/// </summary>
internal static class StartedStream
{
    /// <summary>
    /// Reads the first item of <paramref name="source"/> and gives back the whole sequence. The enumerator
    /// is disposed when the sequence is read to its end, and at the latest when the response completes.
    /// </summary>
    public static async Task<IAsyncEnumerable<T>> StartAsync<T>(IAsyncEnumerable<T> source, HttpContext context)
    {
        var enumerator = source.GetAsyncEnumerator(context.RequestAborted);
        context.Response.RegisterForDisposeAsync(enumerator);
        var hasFirst = await enumerator.MoveNextAsync();
        return Rest(enumerator, hasFirst);
    }

    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> enumerator, bool hasCurrent)
    {
        await using (enumerator)
        {
            while (hasCurrent)
            {
                yield return enumerator.Current;
                hasCurrent = await enumerator.MoveNextAsync();
            }
        }
    }
}
