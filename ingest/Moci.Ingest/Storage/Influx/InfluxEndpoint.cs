namespace Moci.Ingest.Storage.Influx;

/// <summary>Where an <see cref="InfluxReadingStore"/> writes: an InfluxDB 2.x server, a token, an organisation and a bucket.</summary>
/// <param name="Url">The server's address, such as <c>http://localhost:8086</c>.</param>
/// <param name="Token">An API token that may read and write <paramref name="Bucket"/>.</param>
/// <param name="Org">The organisation's name or id.</param>
/// <param name="Bucket">The bucket's name.</param>
public sealed record InfluxEndpoint(string Url, string Token, string Org, string Bucket)
{
    /// <summary>Leaves the token out, so that the endpoint can be logged.</summary>
    public override string ToString() => $"{Url} org '{Org}' bucket '{Bucket}'";
}
