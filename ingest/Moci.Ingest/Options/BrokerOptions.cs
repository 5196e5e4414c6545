namespace Moci.Ingest.Options;

/// <summary>Where the ingest finds its MQTT broker, and whether it runs one itself. Section <c>Broker</c>.</summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>Run the embedded MQTTnet broker in this process (the one-machine hub). Default true.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Host name of the broker the intake connects to; the embedded broker listens on all interfaces.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>MQTT port, 1–65535. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>MQTT client id of the intake; unique per ingest process.</summary>
    public string ClientId { get; set; } = "moci-ingest";

    /// <summary>
    /// When set, the intake subscribes through the MQTT 5 shared subscription <c>$share/{group}/moci/v1/+/senml</c>
    /// so that several ingest processes split the load (scaled-out mode). Null for a plain subscription.
    /// </summary>
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>
    /// Messages the embedded broker queues per client before it drops the oldest. MQTTnet's default of 250
    /// drops QoS 1 messages silently under load (FACTS.md gotcha 2). Default 100 000.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>Longest wait between reconnect attempts of the intake. Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
