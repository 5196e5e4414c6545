using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Time;
using MQTTnet;
using MQTTnet.Protocol;

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

    [Test]
    public async Task StationReadings_IntakeConnectionGone_AreStillStoredAndAcknowledged()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        var intake = hub.Services.GetRequiredService<MqttIntake>();
        await intake.StopAsync(CancellationToken.None);
        Assert.That(intake.IsConnected, Is.False);
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);
        var acknowledged = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        station.ApplicationMessageReceivedAsync += e =>
        {
            if (BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack))
            {
                acknowledged.TrySetResult(ack.Sequences);
            }

            return Task.CompletedTask;
        };
        await station.SubscribeAsync(WireTopics.Ack(HubFactory.AirStation), MqttQualityOfServiceLevel.AtLeastOnce);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var pack = $$"""[{"bn":"urn:dev:moci:{{HubFactory.AirStation}}:","bt":{{at.ToUnixTimeSeconds()}},"n":"pm10","u":"ug/m3","v":23.5}]""";

        var published = await station.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Readings(HubFactory.AirStation))
            .WithPayload(pack)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes("11").AsMemory())
            .Build());

        // The embedded broker hands readings to the intake itself and puts the acknowledgement into the station's
        // session: neither needs the intake's own MQTT connection.
        Assert.That(published.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success), "not 'no matching subscribers'");
        Assert.That(await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(new[] { 11L }));
        var stored = new List<double>();
        await foreach (var reading in hub.Services.GetRequiredService<IReadingStore>().ReadAsync(HubFactory.AirStation, "pm10", TimeRange.All))
        {
            stored.Add(reading.Value);
        }

        Assert.That(stored, Is.EqualTo(new[] { 23.5 }));
    }
}
