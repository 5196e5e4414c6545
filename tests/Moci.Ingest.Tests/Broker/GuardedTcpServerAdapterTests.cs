using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Broker;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Broker;

/// <summary>
/// The embedded broker's listener under abuse, on loopback: oversized packets and floods of idle sockets
/// (thousands, bounded in count and time). The hub stays up and keeps serving stations.
/// </summary>
[NonParallelizable]
public sealed class GuardedTcpServerAdapterTests
{
    private const string Air = HubFactory.AirStation;
    private static readonly IPAddress Flooder = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task Publish_AnnouncingAHugePacket_IsCutOffBeforeItsPayloadIsBuffered()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var connection = await RawMqttConnection.OpenAsync(hub.BrokerPort);
        await connection.ConnectAsync(Air, Air, hub.SecretOf(Air));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        // PUBLISH, QoS 1, remaining length 255 MiB (variable byte integer), then the first kilobyte of it.
        try
        {
            await connection.Stream.WriteAsync(new byte[] { 0x32, 0xFF, 0xFF, 0xFF, 0x7F });
            await connection.Stream.WriteAsync(new byte[1024]);
        }
        catch (IOException)
        {
            // The broker may already have closed the connection after the header: that is the point.
        }

        await connection.WaitUntilClosedAsync(TimeSpan.FromSeconds(10));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.That(hub.Services.GetRequiredService<BrokerCounters>().Count(Refusal.PacketTooLarge), Is.EqualTo(1));
        Assert.That(allocated, Is.LessThan(32L << 20), "no buffer for the announced 255 MiB");
    }

    [Test]
    public async Task Publish_JustUnderTheLimit_IsAccepted_AndOneByteOver_IsCutOff()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Broker:MaxPacketBytes"] = "4096" });
        await hub.StartAsync();
        using var under = await RawMqttConnection.OpenAsync(hub.BrokerPort);
        await under.ConnectAsync(Air, Air, hub.SecretOf(Air));
        using var over = await RawMqttConnection.OpenAsync(hub.BrokerPort);
        await over.ConnectAsync(Air + "-2", Air, hub.SecretOf(Air));
        const string topic = "moci/v1/rrg-school-01/health";

        // PUBLISH QoS 1: fixed header 1 + 2 length bytes; topic 2 + 28; packet id 2; properties length 1.
        var overhead = 3 + 2 + topic.Length + 2 + 1;
        var accepted = await under.PublishAsync(topic, new string('x', 4096 - overhead));
        await over.SendAsync(new MqttPublishPacket
        {
            PacketIdentifier = 1,
            Topic = topic,
            PayloadSegment = Encoding.UTF8.GetBytes(new string('x', 4096 - overhead + 1)),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        });
        var answer = await over.ReceiveAsync(TimeSpan.FromSeconds(10));

        Assert.That((int)accepted.ReasonCode, Is.LessThan(0x80));
        Assert.That(answer, Is.Null, "the connection is closed, no PUBACK");
        Assert.That(hub.Services.GetRequiredService<BrokerCounters>().Count(Refusal.PacketTooLarge), Is.EqualTo(1));
    }

    [Test]
    public async Task IdleSocketFlood_FromOneAddress_IsCapped_AndStationsKeepConnectingAndBeingStored()
    {
        const int sockets = 2_000;
        using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Broker:ConnectTimeout"] = "00:00:03",
            ["Broker:MaxPendingConnectionsPerAddress"] = "64",
        });
        await hub.StartAsync();
        var counters = hub.Services.GetRequiredService<BrokerCounters>();
        using var before = await hub.ConnectStationAsync(Air);

        var flood = new List<Socket>();
        try
        {
            for (var i = 0; i < sockets; i++)
            {
                flood.Add(await OpenIdleSocketAsync(hub.BrokerPort));
            }

            // During the flood: a new station connects from another address, and readings are stored.
            using var during = await hub.ConnectStationAsync(Air, Air + "-during");
            await during.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder()
                .WithTopic("moci/v1/rrg-school-01/senml")
                .WithPayload("""[{"n":"pm10","u":"ug/m3","v":20}]""")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            var stored = await WaitForLatestAsync(hub, Air);

            Assert.That(counters.Count(Refusal.TooManyPending), Is.GreaterThanOrEqualTo(sockets - 64));
            Assert.That(stored, Is.Not.Empty);
            Assert.That(before.IsConnected, Is.True, "a station connected before the flood stays connected");

            // The accepted idle sockets are closed once they miss the CONNECT deadline.
            var open = await Eventually.Until(() => Task.FromResult(counters.OpenConnections), n => n <= 3, TimeSpan.FromSeconds(15), n => $"{n} connections still open");
            Assert.That(open, Is.LessThanOrEqualTo(3), "the station before, the one during the flood and the intake");
        }
        finally
        {
            flood.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public async Task ConnectionCap_RefusesBeyondIt_AndFreesSlotsAfterTheConnectDeadline()
    {
        using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Broker:MaxConnections"] = "20",
            ["Broker:MaxPendingConnectionsPerAddress"] = "1000",
            ["Broker:ConnectTimeout"] = "00:00:02",
        });
        await hub.StartAsync();
        var counters = hub.Services.GetRequiredService<BrokerCounters>();

        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                idle.Add(await OpenIdleSocketAsync(hub.BrokerPort));
            }

            // 20 slots: the intake holds one, idle sockets take the rest, the other 31 are closed on accept.
            var refused = await Eventually.Until(() => Task.FromResult(counters.Count(Refusal.TooManyConnections)), n => n >= 31, TimeSpan.FromSeconds(10), n => $"{n} refused");
            var open = await Eventually.Until(() => Task.FromResult(counters.OpenConnections), n => n <= 1, TimeSpan.FromSeconds(15), n => $"{n} still open");
            using var station = await hub.ConnectStationAsync(Air);

            Assert.That(refused, Is.EqualTo(31), "50 sockets, 20 slots, one of them the intake's");
            Assert.That(open, Is.EqualTo(1), "only the intake once the idle sockets missed their deadline");
            Assert.That(station.IsConnected, Is.True);
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    /// <summary>A TCP connection from the flooding address that never sends anything (the broker may reset it at once).</summary>
    private static async Task<Socket> OpenIdleSocketAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Flooder, 0));
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
        }

        return socket;
    }

    private static async Task<IReadOnlyList<Moci.Telemetry.Readings.Reading>> WaitForLatestAsync(HubFactory hub, string station)
    {
        var store = hub.Services.GetRequiredService<IReadingStore>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var latest = await store.LatestAsync(station, deadline.Token);
            if (latest.Count > 0)
            {
                return latest;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
