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

    /// <summary>How many readings of <paramref name="metric"/> the ingest stored for <paramref name="station"/> in [from, to).</summary>
    public static async Task<int> CountReadingsAsync(ChildProcess ingest, string station, string metric, DateTimeOffset from, DateTimeOffset to)
    {
        using var http = new HttpClient { BaseAddress = await ingest.Listening };
        using var document = JsonDocument.Parse(await http.GetStringAsync(
            $"/api/v1/readings?station={station}&metric={metric}&from={from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
        return document.RootElement.GetProperty("readings").GetArrayLength();
    }
}
