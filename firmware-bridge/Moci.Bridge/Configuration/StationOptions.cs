namespace Moci.Bridge.Configuration;

/// <summary>Who the station is at the hub: section <c>station</c> of the configuration file.</summary>
internal sealed class StationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "station";

    /// <summary>The station id the hub registered (<c>moci stations add</c>), e.g. <c>rrg-school-01</c>: the MQTT user name.</summary>
    public string Id { get; set; } = "";

    /// <summary>The station's secret, as the hub printed it. Give this or <see cref="SecretFile"/>, not both.</summary>
    public string? Secret { get; set; }

    /// <summary>A file holding the secret (surrounding white space ignored), readable only by the bridge's user.</summary>
    public string? SecretFile { get; set; }
}
