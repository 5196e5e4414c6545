using System.Security.Cryptography.X509Certificates;
using Moci.Ingest.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;

namespace Moci.Ingest.Tests.Broker;

/// <summary>The embedded broker's TLS listener, with a certificate from PEM files, beside the plain one.</summary>
public sealed class EmbeddedBrokerTlsTests
{
    /// <summary>A hub with a TLS listener on a free port, its certificate from a throw-away CA in <paramref name="folder"/>.</summary>
    private static async Task<(HubFactory Hub, TestCertificates Certificates, int TlsPort)> StartWithTlsAsync(TempDirectory folder)
    {
        var certificates = TestCertificates.Create(folder.Path);
        var tlsPort = FreePort.Next();
        var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Broker:TlsPort"] = tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:TlsCertificatePath"] = certificates.CertificatePath,
            ["Broker:TlsKeyPath"] = certificates.KeyPath,
        });
        await hub.StartAsync();
        return (hub, certificates, tlsPort);
    }

    [Test]
    public async Task TlsListener_StationTrustingTheCa_ConnectsWithItsSecret()
    {
        using var folder = new TempDirectory();
        var (hub, certificates, tlsPort) = await StartWithTlsAsync(folder);
        using var started = hub;
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(certificates.CaPath));
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", tlsPort)
            .WithTlsOptions(tls => tls.UseTls().WithTrustChain([ca]).WithTargetHost("localhost"))
            .WithClientId(HubFactory.AirStation)
            .WithCredentials(HubFactory.AirStation, hub.SecretOf(HubFactory.AirStation))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        using var plain = await hub.ConnectStationAsync(HubFactory.WaterStation);

        Assert.That(result.ResultCode, Is.EqualTo(MqttClientConnectResultCode.Success));
        Assert.That(plain.IsConnected, Is.True, "the plain listener stays open beside TLS");
    }

    [Test]
    public async Task TlsListener_ClientSpeakingPlainMqtt_IsClosedAndCounted()
    {
        using var folder = new TempDirectory();
        var (hub, _, tlsPort) = await StartWithTlsAsync(folder);
        using var started = hub;
        using var connection = await RawMqttConnection.OpenAsync(tlsPort);

        await connection.SendAsync(new MQTTnet.Packets.MqttConnectPacket { ClientId = "x", KeepAlivePeriod = 30 });
        var answer = await connection.ReceiveAsync(TimeSpan.FromSeconds(10));

        Assert.That(answer, Is.Null);
        Assert.That(((Moci.Ingest.Broker.BrokerCounters)hub.Services.GetService(typeof(Moci.Ingest.Broker.BrokerCounters))!).Count(Moci.Ingest.Broker.Refusal.TlsHandshake), Is.EqualTo(1));
    }
}
