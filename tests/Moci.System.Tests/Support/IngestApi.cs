using System.Text.Json;

namespace Moci.SystemTests.Support;

/// <summary>What a test asks a running ingest through its HTTP API.</summary>
public static class IngestApi
{
    /// <summary>Waits until the ingest reports that it is connected to its broker (and so subscribed).</summary>
    public static async Task WaitUntilBrokerConnectedAsync(ChildProcess ingest, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening.WaitAsync(timeout) };
        using var deadline = new CancellationTokenSource(timeout);
        var health = "";
        try
        {
            while (!(health = await http.GetStringAsync("/api/v1/health", deadline.Token)).Contains("\"brokerConnected\":true", StringComparison.Ordinal))
            {
                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The ingest did not connect to its broker within {timeout}; last health: {health}\n{ingest.Output}");
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200: the intake has subscribed at its broker, and the store takes writes.</summary>
    public static async Task WaitUntilReadyAsync(ChildProcess ingest, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening.WaitAsync(timeout) };
        await Eventually.ReachesAsync(
            async () => (await http.GetAsync("/readyz")).StatusCode,
            status => status == System.Net.HttpStatusCode.OK,
            timeout,
            $"the ingest ready\n{ingest.Output}");
    }

    /// <summary>The running totals of <c>/api/v1/health</c> (<c>messagesReceived</c>, <c>readingsStored</c>, …).</summary>
    public static async Task<JsonElement> TotalsAsync(ChildProcess ingest)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/health"));
        return document.RootElement.GetProperty("totals").Clone();
    }

    /// <summary>The readings of <paramref name="metric"/> the ingest stored for <paramref name="station"/> in [from, to): time and value.</summary>
    public static async Task<List<(DateTimeOffset Timestamp, double? Value)>> ReadingsAsync(ChildProcess ingest, string station, string metric, DateTimeOffset from, DateTimeOffset to)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening };
        using var document = JsonDocument.Parse(await http.GetStringAsync(
            $"/api/v1/readings?station={station}&metric={metric}&from={from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
        return [.. document.RootElement.GetProperty("readings").EnumerateArray().Select(r => (
            r.GetProperty("timestamp").GetDateTimeOffset(),
            r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : (double?)null))];
    }

    /// <summary>How many readings of <paramref name="metric"/> the ingest stored for <paramref name="station"/> in [from, to).</summary>
    public static async Task<int> CountReadingsAsync(ChildProcess ingest, string station, string metric, DateTimeOffset from, DateTimeOffset to)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening };
        using var document = JsonDocument.Parse(await http.GetStringAsync(
            $"/api/v1/readings?station={station}&metric={metric}&from={from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
        return document.RootElement.GetProperty("readings").GetArrayLength();
    }
}
