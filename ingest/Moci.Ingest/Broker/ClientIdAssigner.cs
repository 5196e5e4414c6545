using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Moci.Ingest.Broker;

/// <summary>
/// Gives an MQTT 3.1.1 client that connects with an empty client id and a clean session its user name as client
/// id (MQTT 3.1.1 §3.1.3-6 lets the server assign one), so that <c>mosquitto_pub -u ID -P SECRET</c> works
/// without <c>-i</c>. MQTTnet assigns ids only to MQTT 5 clients; for those <see cref="BrokerAccessPolicy"/> does it
/// through the CONNACK. Whether the station may use that id is still decided by the access policy.
/// </summary>
internal sealed class ClientIdAssigner(IMqttChannelAdapter inner) : IMqttChannelAdapter
{
    private bool _first = true;

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        var packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (_first)
        {
            _first = false;
            if (packet is MqttConnectPacket { CleanSession: true } connect && string.IsNullOrEmpty(connect.ClientId) &&
                PacketFormatterAdapter.ProtocolVersion != MqttProtocolVersion.V500)
            {
                // Without a user name the access policy refuses the client as anonymous, which is the reason it should hear.
                connect.ClientId = string.IsNullOrEmpty(connect.Username) ? "anonymous" : connect.Username;
            }
        }

        return packet;
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    public void Dispose() => inner.Dispose();
}
