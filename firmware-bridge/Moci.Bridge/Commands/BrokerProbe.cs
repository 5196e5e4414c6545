using System.Net.Sockets;
using System.Security.Authentication;
using Moci.Bridge.Configuration;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;

namespace Moci.Bridge.Commands;

/// <summary>
/// Connects to the hub's broker as the station (its id and secret, TLS as configured) and disconnects at once, to
/// tell a student whether the network, the certificate and the credentials are right.
/// </summary>
internal static class BrokerProbe
{
    /// <summary>How long the connection may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Probes the broker; never throws for what the network or the broker does.</summary>
    public static async Task<ProbeResult> ProbeAsync(string stationId, string secret, PublisherOptions broker, CancellationToken cancellationToken)
    {
        var what = $"broker {(broker.UseTls ? "mqtts" : "mqtt")}://{broker.Host}:{broker.Port}";
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithBrokerTls(broker)
                .WithClientId(stationId + "-check")
                .WithCredentials(stationId, secret)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(true)
                .WithTimeout(Timeout)
                .Build();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var connected = await client.ConnectAsync(options, timeout.Token);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                return Refused(what, stationId, connected.ResultCode.ToString());
            }

            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            return new ProbeResult(what, true, $"connected as {stationId}");
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException ex)
        {
            return Refused(what, stationId, ex.Message);
        }
        catch (Exception ex) when (Find<AuthenticationException>(ex) is { } tls)
        {
            return new ProbeResult(what, false, $"TLS failed: {tls.Message}",
                "the hub's certificate is not trusted or not for this host name: give the hub's CA certificate in broker:caFile, and the host name the certificate names in broker:uri");
        }
        catch (Exception ex) when (Find<SocketException>(ex) is { } socket)
        {
            return new ProbeResult(what, false, $"no connection: {socket.Message}", socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"nothing listens on port {broker.Port} of {broker.Host}: is the hub running, and is the port right ({BrokerAddress.PlainPort} plain, {BrokerAddress.TlsPort} TLS)?",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"the name {broker.Host} is not known: write the hub's IP address in broker:uri, or check the network (ping {broker.Host})",
                _ => $"check the network to {broker.Host} (ping {broker.Host}) and the hub's firewall",
            });
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttCommunicationTimedOutException || Find<TimeoutException>(ex) is not null)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return new ProbeResult(what, false, $"no answer within {Duration.Format(Timeout)}",
                $"check the network to {broker.Host} (ping {broker.Host}), the port, and that it is an MQTT broker (TLS on a plain port, or the other way round, also looks like this)");
        }
        catch (MqttCommunicationException ex)
        {
            return new ProbeResult(what, false, $"the connection failed: {ex.Message}", "check broker:uri (mqtt:// or mqtts://, host and port)");
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            return new ProbeResult(what, false, $"broker:caFile cannot be used: {ex.Message}", "give the CA's certificate as a PEM file (-----BEGIN CERTIFICATE-----)");
        }
    }

    private static ProbeResult Refused(string what, string stationId, string reason) =>
        new(what, false, $"the broker refused station {stationId}: {reason}",
            $"check station:id and station:secret; on the hub, `moci stations list` shows the registered ids and `moci stations rotate-secret {stationId}` prints a new secret");

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
