using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Broker;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Broker;

/// <summary>
/// The embedded broker's door, tried with real clients the way a hostile one would: every refusal carries its
/// MQTT 5 reason code, is counted, and stores nothing.
/// </summary>
public sealed class EmbeddedBrokerAccessTests
{
    private const string Air = HubFactory.AirStation;
    private const string Water = HubFactory.WaterStation;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    // A minute ago: well inside the hub's time rules.
    private static readonly long Recent = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
    private static readonly string AirPack = $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{Recent}},"n":"pm2_5","u":"ug/m3","v":11.5}]""";
    private static readonly string WaterAsAirPack = $$"""[{"bn":"urn:dev:moci:shk-river-01:","bt":{{Recent}},"n":"ph","v":7.1}]""";

    private HubFactory _hub = null!;

    [SetUp]
    public async Task StartHub()
    {
        _hub = new HubFactory();
        await _hub.StartAsync();
    }

    [TearDown]
    public void StopHub() => _hub.Dispose();

    private BrokerCounters Counters => _hub.Services.GetRequiredService<BrokerCounters>();

    private async Task<RawMqttConnection> ConnectedAsync(string station, string? clientId = null)
    {
        var connection = await RawMqttConnection.OpenAsync(_hub.BrokerPort);
        var connack = await connection.ConnectAsync(clientId ?? station, station, _hub.SecretOf(station));
        Assert.That(connack.ReasonCode, Is.EqualTo(MqttConnectReasonCode.Success));
        return connection;
    }

    [Test]
    public async Task Connect_Anonymous_IsRefusedNotAuthorized()
    {
        using var connection = await RawMqttConnection.OpenAsync(_hub.BrokerPort);

        var connack = await connection.ConnectAsync("curious", null, null);

        using var http = _hub.CreateClient();
        var health = await http.GetStringAsync("/api/v1/health");

        Assert.That(connack.ReasonCode, Is.EqualTo(MqttConnectReasonCode.NotAuthorized));
        Assert.That(Counters.Count(Refusal.Anonymous), Is.EqualTo(1));
        Assert.That(health, Does.Contain("\"refused\":{\"anonymous\":1}"), "the health answer shows what the broker refused");
    }

    [Test]
    public async Task Connect_WrongSecret_IsRefused()
    {
        _hub.SecretOf(Air);
        using var connection = await RawMqttConnection.OpenAsync(_hub.BrokerPort);

        var connack = await connection.ConnectAsync(Air, Air, "not-the-secret");

        Assert.That(connack.ReasonCode, Is.EqualTo(MqttConnectReasonCode.BadUserNameOrPassword));
        Assert.That(Counters.Count(Refusal.WrongSecret), Is.EqualTo(1));
    }

    [Test]
    public async Task Connect_WithoutClientId_IsGivenTheStationId()
    {
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", _hub.BrokerPort)
            .WithClientId("")
            .WithCredentials(Air, _hub.SecretOf(Air))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());

        Assert.That(result.ResultCode, Is.EqualTo(MqttClientConnectResultCode.Success));
        Assert.That(result.AssignedClientIdentifier, Is.EqualTo(Air));
    }

    [TestCase(MqttProtocolVersion.V500)]
    [TestCase(MqttProtocolVersion.V311)]
    public async Task Connect_RevokedStationWithoutClientId_HearsTheRealReason(MqttProtocolVersion version)
    {
        var secret = _hub.SecretOf(Air);
        using (var commandLine = new StationStore(_hub.DatabasePath, TimeProvider.System))
        {
            commandLine.Revoke(Air);
        }

        _hub.Services.GetRequiredService<StationRegistry>().Refresh();
        using var connection = await RawMqttConnection.OpenAsync(_hub.BrokerPort, version: version);

        var connack = await connection.ConnectAsync("", Air, secret);

        if (version == MqttProtocolVersion.V500)
        {
            Assert.That(connack.ReasonCode, Is.EqualTo(MqttConnectReasonCode.Banned));
        }
        else
        {
            Assert.That(connack.ReturnCode, Is.EqualTo(MqttConnectReturnCode.ConnectionRefusedNotAuthorized));
        }
    }

    [Test]
    public async Task Connect_Mqtt311WithoutClientId_IsGivenTheStationId()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", _hub.BrokerPort)
            .WithClientId("")
            .WithCleanSession(true)
            .WithCredentials(Air, _hub.SecretOf(Air))
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .Build());
        var suback = await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter(WireTopic(Air, "ack")).Build());

        Assert.That(result.ResultCode, Is.EqualTo(MqttClientConnectResultCode.Success));
        Assert.That((int)suback.Items.Single().ResultCode, Is.LessThan(0x80), "it acts as the station");
    }

    [Test]
    public async Task Publish_AsAnotherStation_IsRefusedAndNothingIsStored()
    {
        _hub.SecretOf(Water);
        using var connection = await ConnectedAsync(Air);

        var puback = await connection.PublishAsync(WireTopic(Water, "senml"), WaterAsAirPack);
        await PublishAndWaitUntilStoredAsync(connection);

        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.NotAuthorized));
        Assert.That(await _hub.Services.GetRequiredService<IReadingStore>().LatestAsync(Water), Is.Empty);
        Assert.That(await _hub.Services.GetRequiredService<DeadLetterStore>().CountAsync(Water), Is.Zero);
        Assert.That(Counters.Count(Refusal.PublishNotAllowed), Is.EqualTo(1));
    }

    [TestCase("ack", """{"seq":1}""")]
    [TestCase("other", "x")]
    public async Task Publish_OnItsOwnTopicsThatAreNotItsToWrite_IsRefused(string leaf, string payload)
    {
        using var connection = await ConnectedAsync(Air);

        var puback = await connection.PublishAsync(WireTopic(Air, leaf), payload);

        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.NotAuthorized));
    }

    [Test]
    public async Task Publish_RetainedStatusOfAnotherStation_IsRefusedAndPresenceUnchanged()
    {
        using var connection = await ConnectedAsync(Air);

        var puback = await connection.PublishAsync(WireTopic(Water, "status"), "online", retain: true);

        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.NotAuthorized));
        Assert.That((await _hub.Services.GetRequiredService<EmbeddedBroker>().RetainedMessagesAsync()).Select(m => m.Topic), Does.Not.Contain(WireTopic(Water, "status")));
    }

    [TestCase("moci/v1/+/senml")]
    [TestCase("moci/v1/rrg-school-01/#")]
    [TestCase("moci/v1/rrg-school-01/senml\u0000")]
    [TestCase("moci/v1/rrg-school-01/senml\u001b[2J")]
    public async Task Publish_TopicWithWildcardsOrControlCharacters_IsRefusedAsInvalid(string topic)
    {
        using var connection = await ConnectedAsync(Air);

        var puback = await connection.PublishAsync(topic, AirPack);

        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.TopicNameInvalid));
        Assert.That(await _hub.Services.GetRequiredService<IReadingStore>().LatestAsync(Air), Is.Empty);
    }

    [Test]
    public async Task Publish_RetainedReading_IsStoredButNotRetained()
    {
        using var connection = await ConnectedAsync(Air);

        var puback = await connection.PublishAsync(WireTopic(Air, "senml"), AirPack, retain: true);
        await PublishAndWaitUntilStoredAsync(connection);

        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.Success));
        Assert.That((await _hub.Services.GetRequiredService<EmbeddedBroker>().RetainedMessagesAsync()).Select(m => m.Topic), Does.Not.Contain(WireTopic(Air, "senml")));
    }

    [TestCase("#")]
    [TestCase("$SYS/#")]
    [TestCase("moci/v1/+/senml")]
    [TestCase("moci/v1/shk-river-01/ack")]
    public async Task Subscribe_BeyondItsOwnAcks_IsRefused(string filter)
    {
        using var connection = await ConnectedAsync(Air);

        var suback = await connection.SubscribeAsync(filter);

        Assert.That(suback.ReasonCodes, Is.EqualTo(new[] { MqttSubscribeReasonCode.NotAuthorized }));
        Assert.That(Counters.Count(Refusal.SubscribeNotAllowed), Is.EqualTo(1));
    }

    [Test]
    public async Task IntakeSession_CannotBeTakenByAStationOrAGuess()
    {
        using var asStation = await RawMqttConnection.OpenAsync(_hub.BrokerPort);
        using var asIntake = await RawMqttConnection.OpenAsync(_hub.BrokerPort);

        var stationTry = await asStation.ConnectAsync("moci-ingest-test", Air, _hub.SecretOf(Air));
        var guess = await asIntake.ConnectAsync("moci-ingest-test", IntakeCredential.EmbeddedUsername, "guess");
        using var station = await ConnectedAsync(Air);
        await PublishAndWaitUntilStoredAsync(station);

        Assert.That(stationTry.ReasonCode, Is.EqualTo(MqttConnectReasonCode.ClientIdentifierNotValid));
        Assert.That(guess.ReasonCode, Is.EqualTo(MqttConnectReasonCode.BadUserNameOrPassword));
    }

    [Test]
    public async Task Revoke_ClosesTheLiveConnectionWithinTenSeconds_AndRefusesItAfterwards()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var disconnected = new TaskCompletionSource<MqttClientDisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e.Reason);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("localhost", _hub.BrokerPort)
            .WithClientId(Air)
            .WithCredentials(Air, _hub.SecretOf(Air))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        await client.ConnectAsync(options);

        using (var commandLine = new StationStore(_hub.DatabasePath, TimeProvider.System))
        {
            commandLine.Revoke(Air); // as `moci stations revoke` does, from another process
        }

        var reason = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var again = await RawMqttConnection.OpenAsync(_hub.BrokerPort);
        var connack = await again.ConnectAsync(Air, Air, _hub.SecretOf(Air));

        Assert.That(reason, Is.EqualTo(MqttClientDisconnectReason.NotAuthorized));
        Assert.That(connack.ReasonCode, Is.EqualTo(MqttConnectReasonCode.Banned));
    }

    [Test]
    public async Task Publish_FasterThanTheStationRate_IsRefusedWithQuotaExceeded()
    {
        _hub.Dispose();
        _hub = new HubFactory(new Dictionary<string, string?> { ["Broker:StationMessagesPerSecond"] = "1", ["Broker:StationMessageBurst"] = "3" });
        await _hub.StartAsync();
        using var connection = await ConnectedAsync(Air);

        var codes = new List<MqttPubAckReasonCode>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await connection.PublishAsync(WireTopic(Air, "health"), "{}")).ReasonCode);
        }

        Assert.That(codes.Take(3).Select(c => (int)c), Is.All.LessThan(0x80), "the burst is accepted (no subscriber for health: 0x10 is a success)");
        Assert.That(codes.Skip(3), Has.Some.EqualTo(MqttPubAckReasonCode.QuotaExceeded));
        Assert.That(Counters.Count(Refusal.RateExceeded), Is.GreaterThanOrEqualTo(1));
    }

    private static string WireTopic(string station, string leaf) => $"moci/v1/{station}/{leaf}";

    /// <summary>Publishes a valid reading of the air station on its own topic and waits until the hub has stored it.</summary>
    private async Task PublishAndWaitUntilStoredAsync(RawMqttConnection connection)
    {
        var puback = await connection.PublishAsync(WireTopic(Air, "senml"), AirPack);
        Assert.That(puback.ReasonCode, Is.EqualTo(MqttPubAckReasonCode.Success));
        using var deadline = new CancellationTokenSource(Timeout);
        var store = _hub.Services.GetRequiredService<IReadingStore>();
        while ((await store.LatestAsync(Air, deadline.Token)).Count == 0)
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
