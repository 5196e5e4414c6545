using System.Net;
using System.Net.Sockets;
using System.Text;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// An MQTT connection (5 unless told otherwise) that sends packets exactly as built, with none of a client library's checks, so
/// tests can send what a hostile client would (wildcards in topic names, huge packets, no CONNECT at all).
/// Uses MQTTnet's own packet encoder over a plain socket, optionally from another loopback address.
/// </summary>
internal sealed class RawMqttConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly MqttChannelAdapter _adapter;

    private RawMqttConnection(Socket socket, MqttProtocolVersion version)
    {
        _socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: false);
        var channel = new MqttTcpChannel(Stream, socket.LocalEndPoint, socket.RemoteEndPoint, null);
        _adapter = new MqttChannelAdapter(channel, new MqttPacketFormatterAdapter(version, new MqttBufferWriter(4096, 65536)), MqttNetNullLogger.Instance);
    }

    /// <summary>The raw byte stream, for writing what no encoder would.</summary>
    public NetworkStream Stream { get; }

    /// <summary>Opens a TCP connection to the broker, from <paramref name="from"/> (a loopback address) when given.</summary>
    public static async Task<RawMqttConnection> OpenAsync(int port, IPAddress? from = null, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }

        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new RawMqttConnection(socket, version);
    }

    /// <summary>Connects as <paramref name="username"/> and returns the broker's CONNACK.</summary>
    public async Task<MqttConnAckPacket> ConnectAsync(string? clientId, string? username, string? password, ushort keepAlive = 30)
    {
        await SendAsync(new MqttConnectPacket
        {
            ClientId = clientId,
            Username = username,
            Password = password is null ? null : Encoding.UTF8.GetBytes(password),
            KeepAlivePeriod = keepAlive,
            CleanSession = true,
        });
        return (MqttConnAckPacket)(await ReceiveAsync() ?? throw new IOException("the broker closed the connection instead of answering CONNECT"));
    }

    /// <summary>Publishes at QoS 1 and returns the broker's PUBACK.</summary>
    public async Task<MqttPubAckPacket> PublishAsync(string topic, string payload, bool retain = false)
    {
        await SendAsync(new MqttPublishPacket
        {
            PacketIdentifier = 1,
            Topic = topic,
            PayloadSegment = Encoding.UTF8.GetBytes(payload),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            Retain = retain,
        });
        return (MqttPubAckPacket)(await ReceiveAsync() ?? throw new IOException("the broker closed the connection instead of answering PUBLISH"));
    }

    /// <summary>Subscribes to one filter and returns the broker's SUBACK.</summary>
    public async Task<MqttSubAckPacket> SubscribeAsync(string filter)
    {
        await SendAsync(new MqttSubscribePacket
        {
            PacketIdentifier = 2,
            TopicFilters = [new MqttTopicFilter { Topic = filter, QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce }],
        });
        return (MqttSubAckPacket)(await ReceiveAsync() ?? throw new IOException("the broker closed the connection instead of answering SUBSCRIBE"));
    }

    public Task SendAsync(MqttPacket packet) => _adapter.SendPacketAsync(packet, CancellationToken.None);

    /// <summary>The next packet, or null when the broker closed the connection.</summary>
    public async Task<MqttPacket?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _adapter.ReceivePacketAsync(deadline.Token);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or IOException or SocketException)
        {
            return null;
        }
    }

    /// <summary>Completes when the broker closes the connection (reads until end of stream), or throws on time-out.</summary>
    public async Task WaitUntilClosedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await Stream.ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // reset by the broker: closed too
        }
    }

    public void Dispose()
    {
        _adapter.Dispose();
        Stream.Dispose();
        _socket.Dispose();
    }
}
