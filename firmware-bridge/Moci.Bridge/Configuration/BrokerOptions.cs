namespace Moci.Bridge.Configuration;

/// <summary>How the station reaches the hub: section <c>broker</c> of the configuration file.</summary>
internal sealed class BrokerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "broker";

    /// <summary>The hub's MQTT broker: <c>mqtt://HOST:PORT</c>, or <c>mqtts://HOST:PORT</c> for TLS. Default <c>mqtt://localhost:1883</c>.</summary>
    public string Uri { get; set; } = "mqtt://localhost:1883";

    /// <summary>
    /// With <c>mqtts://</c>: a PEM file of the certificate authority that signed the hub's certificate (for a hub with its
    /// own CA). Empty to trust the authorities the system trusts.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>How long a sent batch waits for the hub's acknowledgement before it is sent again, at least 1 s. Default 30 s.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between reconnect attempts, at least 1 s. Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
