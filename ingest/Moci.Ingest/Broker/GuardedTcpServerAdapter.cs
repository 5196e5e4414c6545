using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Moci.Ingest.Options;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Moci.Ingest.Broker;

/// <summary>
/// The embedded broker's TCP (and TLS) listeners, in place of MQTTnet's own so that the hub stays up under
/// abuse: at most <see cref="BrokerOptions.MaxConnections"/> sockets at once and
/// <see cref="BrokerOptions.MaxPendingConnectionsPerAddress"/> not-yet-connected ones per address (others are
/// closed on accept), a deadline for the TLS handshake, and packets above <see cref="BrokerOptions.MaxPacketBytes"/>
/// refused before their payload is read. MQTTnet's <see cref="MqttServerOptions.DefaultCommunicationTimeout"/>
/// (set to <see cref="BrokerOptions.ConnectTimeout"/>) closes a connection that sends no CONNECT in time.
/// Listens on all interfaces (IPv6 and IPv4). Thread-safe.
/// </summary>
internal sealed class GuardedTcpServerAdapter(BrokerOptions options, X509Certificate2? certificate, BrokerCounters counters, ILogger logger)
    : IMqttServerAdapter
{
    private readonly ConcurrentDictionary<IPAddress, int> _pendingByAddress = new();
    private readonly ConcurrentDictionary<EndPoint, byte> _pending = new();
    private readonly List<Socket> _listeners = [];
    private CancellationTokenSource? _stopping;
    private long _open;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The port of the plain listener (the configured one, or the one the system chose for port 0).</summary>
    public int Port { get; private set; }

    /// <summary>The port of the TLS listener, or 0 when there is none.</summary>
    public int TlsPort { get; private set; }

    public Task StartAsync(MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        _stopping = new CancellationTokenSource();
        Port = Listen(options.Port, null, serverOptions, mqttLogger);
        if (certificate is not null)
        {
            TlsPort = Listen(options.TlsPort, certificate, serverOptions, mqttLogger);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Called when a connection's CONNECT was accepted: it no longer counts against its address's limit of
    /// connections that have not finished connecting.
    /// </summary>
    public void Connected(EndPoint? remote)
    {
        if (remote is not null && _pending.TryRemove(remote, out _))
        {
            Release(remote);
        }
    }

    public Task StopAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        // Stop and Dispose may run at once (the host stops while the server is disposed).
        Socket[] listeners;
        lock (_listeners)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        _stopping?.Cancel();
        foreach (var listener in listeners)
        {
            listener.Dispose();
        }
    }

    private int Listen(int port, X509Certificate2? tls, MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        Socket socket;
        if (Socket.OSSupportsIPv6)
        {
            socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
        }
        else
        {
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
        }

        socket.Listen(512);
        lock (_listeners)
        {
            _listeners.Add(socket);
        }

        var token = _stopping!.Token;
        _ = Task.Run(() => AcceptAsync(socket, tls, serverOptions, mqttLogger, token), token);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private async Task AcceptAsync(Socket listener, X509Certificate2? tls, MqttServerOptions serverOptions, IMqttNetLogger mqttLogger, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors or similar: wait a moment instead of spinning, and keep listening.
                BrokerLog.AcceptFailed(logger, ex.SocketErrorCode);
                await Task.Delay(100, token).ConfigureAwait(false);
                continue;
            }

            var remote = client.RemoteEndPoint!;
            var address = ((IPEndPoint)remote).Address;
            if (Interlocked.Increment(ref _open) > options.MaxConnections)
            {
                Reject(client, Refusal.TooManyConnections);
                continue;
            }

            if (_pendingByAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > options.MaxPendingConnectionsPerAddress)
            {
                Release(remote);
                Reject(client, Refusal.TooManyPending);
                continue;
            }

            _pending[remote] = 0;
            counters.ConnectionOpened();
            _ = Task.Run(() => HandleAsync(client, remote, tls, serverOptions, mqttLogger), CancellationToken.None);
        }
    }

    private async Task HandleAsync(Socket client, EndPoint remote, X509Certificate2? tls, MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        Stream? stream = null;
        try
        {
            client.NoDelay = true;
            client.LingerState = new LingerOption(true, 0);
            stream = new NetworkStream(client, ownsSocket: true);
            X509Certificate2? clientCertificate = null;
            if (tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = new CancellationTokenSource(options.ConnectTimeout);
                try
                {
                    await ssl.AuthenticateAsServerAsync(
                        new SslServerAuthenticationOptions
                        {
                            ServerCertificate = tls,
                            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                            ClientCertificateRequired = false,
                        },
                        handshake.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
                {
                    counters.Refuse(Refusal.TlsHandshake);
                    return;
                }
            }

            if (ClientHandler is { } handler)
            {
                var channel = new PacketSizeGuard(
                    new MqttTcpChannel(stream, client.LocalEndPoint, remote, clientCertificate),
                    options.MaxPacketBytes,
                    () => counters.Refuse(Refusal.PacketTooLarge));
                var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(serverOptions.WriterBufferSize, serverOptions.WriterBufferSizeMax));
                using var adapter = new ClientIdAssigner(new MqttChannelAdapter(channel, formatter, mqttLogger));
                await handler(adapter).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
        catch (Exception ex)
        {
            BrokerLog.ConnectionFailed(logger, ex);
        }
        finally
        {
            if (_pending.TryRemove(remote, out _))
            {
                Release(remote);
            }

            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            client.Dispose();
            Interlocked.Decrement(ref _open);
            counters.ConnectionClosed();
        }
    }

    private void Reject(Socket client, Refusal refusal)
    {
        Interlocked.Decrement(ref _open);
        counters.Refuse(refusal);
        try
        {
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
        }
        catch (SocketException)
        {
        }
    }

    private void Release(EndPoint remote)
    {
        var address = ((IPEndPoint)remote).Address;
        if (_pendingByAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _pendingByAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }
}
