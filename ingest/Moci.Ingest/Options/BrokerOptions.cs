namespace Moci.Ingest.Options;

/// <summary>
/// The MQTT broker: the embedded one this process runs (port, TLS, limits), or the external one the intake
/// connects to (host, port, credentials). Section <c>Broker</c>.
/// </summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>Run the embedded MQTTnet broker in this process (the one-machine hub). Default true.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Host name of the broker the intake connects to. The embedded broker listens on all interfaces.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>MQTT port (plain TCP), 1–65535. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>MQTT client id of the intake; unique per ingest process. Stations can never use it.</summary>
    public string ClientId { get; set; } = "moci-ingest";

    /// <summary>
    /// When set, the intake subscribes through the MQTT 5 shared subscription <c>$share/{group}/moci/v1/+/senml</c>
    /// so that several ingest processes split the load (scaled-out mode). Null for a plain subscription.
    /// </summary>
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>
    /// External broker only: the user name of the intake (the embedded broker makes up its own credential at
    /// every start). Default <c>moci.ingest</c>, as <c>moci mosquitto export</c> writes it.
    /// </summary>
    public string Username { get; set; } = "moci.ingest";

    /// <summary>
    /// External broker only: a file holding the intake's password (written by <c>moci mosquitto export</c>).
    /// Without it the intake connects anonymously, which a broker set up from that export refuses.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// Messages the embedded broker queues per client before it drops the oldest. MQTTnet's default of 250
    /// drops QoS 1 messages silently under load. Default 100 000.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>Longest wait between reconnect attempts of the intake. Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest MQTT packet the embedded broker accepts, in bytes; a client announcing a larger one is
    /// disconnected before its payload is read. Default 256 KiB (a day of one-minute readings of ten metrics
    /// is about 60 KiB of SenML).
    /// </summary>
    public int MaxPacketBytes { get; set; } = 256 * 1024;

    /// <summary>Most TCP connections the embedded broker holds at once; further ones are closed at once. Default 2 000.</summary>
    public int MaxConnections { get; set; } = 2_000;

    /// <summary>
    /// Most connections from one network address that may be open without having completed an MQTT CONNECT,
    /// so that a flood of idle sockets from one place cannot lock out everyone else. Default 64.
    /// </summary>
    public int MaxPendingConnectionsPerAddress { get; set; } = 64;

    /// <summary>Time a new TCP connection has to finish TLS and send CONNECT before it is closed. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest keep-alive a client may ask for; a client asking for none (0) or more is refused, so that the
    /// broker notices a dead connection within 1.5 × its keep-alive. Default 300 s.
    /// </summary>
    public TimeSpan MaxKeepAlive { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Messages per second a station may publish on average (token bucket); more are refused with MQTT 5
    /// reason 0x97 (quota exceeded) and the station sends them again later. Default 20.
    /// </summary>
    public int StationMessagesPerSecond { get; set; } = 20;

    /// <summary>Messages a station may publish in one burst above its rate, e.g. when it drains its outbox. Default 400.</summary>
    public int StationMessageBurst { get; set; } = 400;

    /// <summary>Port of the TLS listener, used when <see cref="TlsCertificatePath"/> is set. Default 8883.</summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>
    /// Certificate of the TLS listener: a PEM file (with <see cref="TlsKeyPath"/>, or with the key inside) or a
    /// PKCS#12 (.pfx/.p12) file. Unset: no TLS listener.
    /// </summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificatePath"/>, when it is in its own file.</summary>
    public string? TlsKeyPath { get; set; }
}
