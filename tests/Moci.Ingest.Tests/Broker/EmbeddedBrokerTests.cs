using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Broker;

public sealed class EmbeddedBrokerTests
{
    [TestCase("Broker:Port", "70000", "Broker:Port must be between 1 and 65535 (was 70000)")]
    [TestCase("Broker:SharedSubscriptionGroup", "a/b", "Broker:SharedSubscriptionGroup 'a/b' must be a non-empty name without '/'")]
    [TestCase("Storage:MaxBatchReadings", "0", "Storage:MaxBatchReadings must be at least 1 (was 0)")]
    [TestCase("Stations:0:Id", "Rrg 01", "Stations:0:Id: the station id 'Rrg 01' contains 'R'")]
    [TestCase("Broker:MaxPacketBytes", "100", "Broker:MaxPacketBytes must be between 1024 and 268435455")]
    [TestCase("Broker:MaxConnections", "0", "Broker:MaxConnections must be at least 1 (was 0)")]
    [TestCase("Broker:ConnectTimeout", "00:00:00", "Broker:ConnectTimeout must be between 00:00:01 and 00:05:00")]
    [TestCase("Broker:StationMessagesPerSecond", "0", "Broker:StationMessagesPerSecond must be at least 1 (was 0)")]
    [TestCase("Broker:TlsCertificatePath", "/nonexistent/cert.pem", "Broker:TlsCertificatePath '/nonexistent/cert.pem' does not exist")]
    [TestCase("Broker:TlsKeyPath", "/nonexistent/key.pem", "Broker:TlsKeyPath is set but Broker:TlsCertificatePath is not")]
    public void Start_BadSetting_StopsTheHostNamingTheSetting(string key, string value, string message)
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { [key] = value });
        using var host = BuildHost(hub);

        var failure = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.That(failure!.Message, Does.Contain(message));
    }

    /// <summary>
    /// The ingest in a plain host: start-up failures surface from Start() on this thread, where the web
    /// test server would race them against its own disposal.
    /// </summary>
    private static IHost BuildHost(HubFactory hub)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(hub.Settings);
        builder.Logging.ClearProviders();
        builder.AddIngest();
        return builder.Build();
    }

    [Test]
    public void Start_PortInUse_SaysSoAndHowToFixIt()
    {
        using var hub = new HubFactory();
        using var squatter = new TcpListener(IPAddress.Any, hub.BrokerPort);
        squatter.Start();
        using var host = BuildHost(hub);

        var failure = Assert.Throws<InvalidOperationException>(() => host.Start());

        Assert.That(failure!.Message, Does.Contain($"Broker:Port {hub.BrokerPort} is already in use"));
    }

    [Test]
    public async Task Start_ExternalBrokerMode_RunsNoBrokerAndKeepsRetrying()
    {
        var port = FreePort.Next();
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Broker:Embedded"] = "false", ["Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = hub.CreateClient();

        var health = await http.GetStringAsync("/api/v1/health");

        Assert.That(health, Does.Contain("\"brokerConnected\":false"));
        using var probe = new TcpClient();
        Assert.That(async () => await probe.ConnectAsync(IPAddress.Loopback, port), Throws.InstanceOf<SocketException>(), "no broker listens in external mode");
    }
}
