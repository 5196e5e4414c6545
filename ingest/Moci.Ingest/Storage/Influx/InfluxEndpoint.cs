using Moci.Ingest.Options;

namespace Moci.Ingest.Storage.Influx;

/// <summary>Where an <see cref="InfluxReadingStore"/> writes: an InfluxDB 2.x server, a token, an organisation and a bucket.</summary>
/// <param name="Url">The server's address, such as <c>http://localhost:8086</c>.</param>
/// <param name="Token">An API token that may read and write <paramref name="Bucket"/>.</param>
/// <param name="Org">The organisation's name or id.</param>
/// <param name="Bucket">The bucket's name.</param>
public sealed record InfluxEndpoint(string Url, string Token, string Org, string Bucket)
{
    /// <summary>The endpoint the settings give, the token read from <see cref="StorageOptionsInfluxDB.TokenFile"/> when that is set.</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="contentRoot">The folder a relative token file is taken from.</param>
    /// <exception cref="InvalidOperationException">The token file cannot be read or is empty; the message names the setting.</exception>
    public static InfluxEndpoint From(StorageOptionsInfluxDB options, string contentRoot)
    {
        var token = options.Token;
        if (string.IsNullOrWhiteSpace(token) && !string.IsNullOrWhiteSpace(options.TokenFile))
        {
            var path = Path.Combine(contentRoot, options.TokenFile);
            try
            {
                token = File.ReadAllText(path).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{StorageOptionsInfluxDB.Section}:TokenFile '{path}' cannot be read: {ex.Message}", ex);
            }

            if (token.Length == 0)
            {
                throw new InvalidOperationException($"{StorageOptionsInfluxDB.Section}:TokenFile '{path}' is empty: put the API token in it.");
            }
        }

        return new InfluxEndpoint(options.Url, token ?? "", options.Org, options.Bucket);
    }

    /// <summary>Leaves the token out, so that the endpoint can be logged.</summary>
    public override string ToString() => $"{Url} org '{Org}' bucket '{Bucket}'";
}
