using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;
using MQTTnet.Exceptions;

namespace Moci.Ingest.Broker;

/// <summary>
/// A channel that follows the MQTT framing of what it reads (fixed header, remaining length as a variable
/// byte integer, MQTT 5 §2.1.4) and fails the connection as soon as a packet announces more than the allowed
/// size — before MQTTnet allocates a buffer for it. Not thread-safe: one reader, as MQTTnet reads.
/// </summary>
internal sealed class PacketSizeGuard(IMqttChannel inner, int maxPacketBytes, Action onTooLarge) : IMqttChannel
{
    private int _headerBytes; // 0: expecting a packet's first byte; 1–4: reading the remaining length
    private long _length;
    private long _multiplier = 1;
    private long _bodyRemaining;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        Follow(buffer.AsSpan(offset, read));
        return read;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => inner.Dispose();

    private void Follow(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (_bodyRemaining > 0)
            {
                var skip = (int)Math.Min(_bodyRemaining, bytes.Length - i);
                _bodyRemaining -= skip;
                i += skip;
                continue;
            }

            var b = bytes[i++];
            if (_headerBytes == 0)
            {
                _headerBytes = 1;
                _length = 0;
                _multiplier = 1;
                continue;
            }

            _length += (b & 0x7F) * _multiplier;
            _multiplier *= 128;
            _headerBytes++;
            if ((b & 0x80) != 0)
            {
                if (_headerBytes > 4)
                {
                    throw new MqttProtocolViolationException("malformed remaining length");
                }

                continue;
            }

            // Fixed header (1 byte + 1–4 length bytes) plus the rest of the packet.
            if (_length + _headerBytes > maxPacketBytes)
            {
                onTooLarge();
                throw new MqttCommunicationException($"a packet of {_length + _headerBytes} bytes exceeds the broker's limit of {maxPacketBytes} bytes");
            }

            _bodyRemaining = _length;
            _headerBytes = 0;
        }
    }
}
