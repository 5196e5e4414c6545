namespace Moci.Kit.Options;

/// <summary>How stations reach the hub's MQTT broker and how they send. Keys match the hub's <c>Broker</c> section.</summary>
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

    /// <summary>How long a sent batch waits for the hub's acknowledgement before it is sent again, at least 1 s. Default 30 s.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between reconnect attempts (back-off doubles from 0.5 s up to this). Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most readings in one batch (one SenML pack), 1–10 000 (the hub takes at most 10 000 records per pack).
    /// Live readings go out as they are taken; after an outage the backlog leaves in batches this large.
    /// Default 2 000.
    /// </summary>
    public int MaxBatchReadings { get; set; } = 2_000;

    /// <summary>
    /// Largest SenML pack in bytes, 1 KiB–224 KiB: the hub's broker refuses MQTT packets above 256 KiB, and the
    /// topic and properties need room too. A batch that would be larger carries fewer readings. Default 128 KiB.
    /// </summary>
    public int MaxBatchBytes { get; set; } = 128 * 1024;

    /// <summary>
    /// Most batches sent and not yet acknowledged by the hub, 1–64. Several in flight keep the hub busy while
    /// it commits and acknowledges; the rest wait in the outbox on disk. Default 8.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 8;
}
