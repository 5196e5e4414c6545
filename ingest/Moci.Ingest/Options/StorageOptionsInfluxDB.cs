namespace Moci.Ingest.Options;

/// <summary>The InfluxDB 2.x the readings go to when <c>Storage:Kind</c> is <c>InfluxDB</c>. Section <c>Storage:InfluxDB</c>.</summary>
public sealed class StorageOptionsInfluxDB
{
    public const string Section = StorageOptions.Section + ":InfluxDB";

    /// <summary>The server's address, <c>http://</c> or <c>https://</c>, such as <c>http://localhost:8086</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>An API token with read and write access to the bucket. Give this or <see cref="TokenFile"/>, not both.</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the token (surrounding white space ignored), relative to the content root or absolute: keeps it out of the configuration.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The organisation's name or id.</summary>
    public string Org { get; set; } = "";

    /// <summary>The bucket's name.</summary>
    public string Bucket { get; set; } = "";
}
