namespace Moci.Kit.Options;

/// <summary>How stations reach the hub's MQTT broker. Keys match the hub's <c>Broker</c> section.</summary>
public sealed class PublisherOptions
{
    /// <summary>Host name of the broker. Default localhost.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>MQTT port, 1–65535. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Speak MQTT over TLS (port 8883 by convention), checking the broker's certificate for <see cref="Host"/>. Default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// With <see cref="UseTls"/>: a PEM file of the certificate authority that signed the broker's certificate, trusted
    /// instead of the system's authorities (a hub with its own CA). Null to trust the system's authorities.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>How long a sent batch waits for the hub's acknowledgement before it is sent again. Default 30 s.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between reconnect attempts (back-off doubles from 0.5 s up to this). Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most unacknowledged batches kept per station; beyond it the oldest is dropped and counted. Default 50 000.</summary>
    public int OutboxCapacity { get; set; } = 50_000;
}
