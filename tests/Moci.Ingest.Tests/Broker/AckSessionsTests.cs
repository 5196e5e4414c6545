using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Broker;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Broker;

/// <summary>Acknowledgements put straight into a station's session on the embedded broker.</summary>
public sealed class AckSessionsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static MqttApplicationMessage Ack(string stationId, long sequence) => new MqttApplicationMessageBuilder()
        .WithTopic(WireTopics.Ack(stationId))
        .WithPayload(new BatchAck([sequence]).ToJson())
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    /// <summary>Completes with the sequences of the first acknowledgement the client receives.</summary>
    private static Task<IReadOnlyList<long>> NextAck(IMqttClient client)
    {
        var received = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack))
            {
                received.TrySetResult(ack.Sequences);
            }

            return Task.CompletedTask;
        };
        return received.Task.WaitAsync(Timeout);
    }

    private static async Task<IMqttClient> SubscribedStationAsync(HubFactory hub, string stationId, string? clientId = null)
    {
        var client = await hub.ConnectStationAsync(stationId, clientId);
        await client.SubscribeAsync(WireTopics.Ack(stationId), MqttQualityOfServiceLevel.AtLeastOnce);
        return client;
    }

    [Test]
    public async Task TryDeliver_StationSubscribedToItsAcks_TheStationReceivesIt()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await SubscribedStationAsync(hub, HubFactory.AirStation);
        var received = NextAck(station);

        var delivered = hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 17));

        Assert.That(delivered, Is.True);
        Assert.That(await received, Is.EqualTo(new[] { 17L }));
    }

    [Test]
    public async Task TryDeliver_StationNeverSubscribed_ReturnsFalse()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await hub.ConnectStationAsync(HubFactory.AirStation);

        var delivered = hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 1));

        Assert.That(delivered, Is.False, "the intake then publishes it over MQTT, where the broker's own rules apply");
    }

    [Test]
    public async Task TryDeliver_AnotherStationSubscribed_DoesNotReachIt()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var water = await SubscribedStationAsync(hub, HubFactory.WaterStation);
        var received = 0;
        water.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        using var air = await SubscribedStationAsync(hub, HubFactory.AirStation);
        var airAck = NextAck(air);

        Assert.That(hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 5)), Is.True);

        await airAck;
        // The air station's acknowledgement has been delivered; one sent to the water station afterwards arrives after
        // anything queued for it before, so once it is in, the water station has seen all it would ever see.
        var waterAck = NextAck(water);
        Assert.That(hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.WaterStation, Ack(HubFactory.WaterStation, 6)), Is.True);
        Assert.That(await waterAck, Is.EqualTo(new[] { 6L }));
        Assert.That(Volatile.Read(ref received), Is.EqualTo(1), "the water station received only its own acknowledgement");
    }

    [Test]
    public async Task TryDeliver_AfterTheStationReconnectsWithACleanSession_ReachesTheNewConnection()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        var sessions = hub.Services.GetRequiredService<AckSessions>();
        using (var first = await SubscribedStationAsync(hub, HubFactory.AirStation))
        {
            await first.DisconnectAsync();
        }

        using var second = await SubscribedStationAsync(hub, HubFactory.AirStation);
        var received = NextAck(second);

        Assert.That(sessions.TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 9)), Is.True);
        Assert.That(await received, Is.EqualTo(new[] { 9L }));
        Assert.That(sessions.Stations, Is.EqualTo(1));
    }

    [Test]
    public async Task TryDeliver_AfterTheStationUnsubscribed_ReturnsFalse()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var station = await SubscribedStationAsync(hub, HubFactory.AirStation);

        await station.UnsubscribeAsync(WireTopics.Ack(HubFactory.AirStation));

        Assert.That(hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 3)), Is.False);
    }

    [Test]
    public async Task TryDeliver_TwoClientIdsOfOneStation_BothReceiveIt()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var main = await SubscribedStationAsync(hub, HubFactory.AirStation);
        using var spare = await SubscribedStationAsync(hub, HubFactory.AirStation, HubFactory.AirStation + "-spare");
        var (mainAck, spareAck) = (NextAck(main), NextAck(spare));

        Assert.That(hub.Services.GetRequiredService<AckSessions>().TryDeliver(HubFactory.AirStation, Ack(HubFactory.AirStation, 4)), Is.True);

        Assert.That(await mainAck, Is.EqualTo(new[] { 4L }));
        Assert.That(await spareAck, Is.EqualTo(new[] { 4L }), "as the broker delivers a message to every subscriber");
    }
}
