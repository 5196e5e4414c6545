using Moci.SystemTests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;
using MQTTnet;

namespace Moci.SystemTests;

/// <summary>
/// Mosquitto started with exactly the <c>mosquitto.conf</c> that <c>moci mosquitto export</c> wrote enforces the
/// embedded broker's rules: a station logs in with its secret and publishes only on its own topics, reads only its
/// own acknowledgements, anonymous clients are refused, and an export plus <c>kill -HUP</c> is all a new or a
/// revoked station takes.
/// </summary>
[NonParallelizable]
public sealed class ExportedMosquittoTests
{
    private const string School = "rrg-school-01";
    private const string River = "shk-river-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Yesterday = new(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);

    private ExportedMosquitto _broker = null!;
    private ChildProcess _ingest = null!;

    [SetUp]
    public async Task StartBrokerAndIngest()
    {
        _broker = await ExportedMosquitto.StartAsync((School, "air"), (River, "water"));
        _ingest = _broker.StartIngest();
        await IngestApi.WaitUntilBrokerConnectedAsync(_ingest, Timeout);
    }

    [TearDown]
    public void Stop()
    {
        _ingest.Dispose();
        _broker.Dispose();
    }

    private Task<StationClient> ConnectAsync(string station, string filter) =>
        StationClient.ConnectAsync(_broker.Port, station, _broker.Secrets[station], filter);

    /// <summary>Readings stored for <paramref name="station"/> at <paramref name="at"/>, counted by a metric both kinds measure.</summary>
    private Task<int> StoredAsync(string station, DateTimeOffset at) =>
        IngestApi.CountReadingsAsync(_ingest, station, station == River ? "ph" : "temperature", at, at.AddMinutes(1));

    [Test]
    public async Task Station_OnItsOwnTopic_IsStoredAndAcknowledged()
    {
        using var school = await ConnectAsync(School, WireTopics.Ack(School));

        var published = await school.PublishReadingsAsync(WireTopics.Readings(School), School, StationKind.Air, Yesterday, 1);
        var ack = await school.WaitForAsync(WireTopics.Ack(School));

        Assert.That(published.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
        Assert.That(ack, Does.Contain("\"seq\":1"));
        Assert.That(await StoredAsync(School, Yesterday), Is.EqualTo(1));
    }

    [Test]
    public async Task Station_OnAnotherStationsTopic_IsRefusedAndNothingIsStored()
    {
        using var school = await ConnectAsync(School, WireTopics.Ack(School));
        using var river = await ConnectAsync(River, WireTopics.Ack(River));
        var forgedAt = Yesterday.AddHours(1);

        var forged = await school.PublishReadingsAsync(WireTopics.Readings(River), River, StationKind.Water, forgedAt, 7);
        // The river's own batch goes through the same broker and intake after the forged one: once it is
        // acknowledged, the forged one would have been stored too.
        await river.PublishReadingsAsync(WireTopics.Readings(River), River, StationKind.Water, Yesterday, 1);
        await river.WaitForAsync(WireTopics.Ack(River));

        Assert.That(forged.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
        Assert.That(await StoredAsync(River, forgedAt), Is.Zero);
        Assert.That(await StoredAsync(River, Yesterday), Is.EqualTo(1));
        Assert.That(river.Received.Select(m => m.Payload), Has.None.Contains("\"seq\":7"));
    }

    [Test]
    public async Task Station_SubscribedToEverything_ReceivesOnlyItsOwnAcknowledgement()
    {
        using var school = await ConnectAsync(School, "#");
        using var river = await ConnectAsync(River, WireTopics.Ack(River));

        await river.PublishReadingsAsync(WireTopics.Readings(River), River, StationKind.Water, Yesterday, 1);
        await river.WaitForAsync(WireTopics.Ack(River));
        // Mosquitto sends a client its messages in order: the school's own acknowledgement, asked for after the
        // river's batch went through, comes after anything of the river's it would have been sent.
        await school.PublishReadingsAsync(WireTopics.Readings(School), School, StationKind.Air, Yesterday, 1);
        await school.WaitForAsync(WireTopics.Ack(School));

        Assert.That(school.Received.Select(m => m.Topic), Is.EqualTo(new[] { WireTopics.Ack(School) }));
    }

    [TestCase(null, null)]
    [TestCase(School, "not-the-secret")]
    [TestCase("moci.ingest", "not-the-password")]
    [TestCase("nobody-01", "whatever")]
    public async Task Connect_WithoutAValidLogin_IsRefused(string? username, string? password)
    {
        var result = await StationClient.TryConnectAsync(_broker.Port, username, password);

        Assert.That(result, Is.Not.EqualTo(MqttClientConnectResultCode.Success));
    }

    [Test]
    public async Task Connect_WithTheStationsSecret_IsAccepted()
    {
        var result = await StationClient.TryConnectAsync(_broker.Port, School, _broker.Secrets[School]);

        Assert.That(result, Is.EqualTo(MqttClientConnectResultCode.Success));
    }

    [Test]
    public async Task ExportAgainAndReload_AdmitsANewStation_AndShutsOutARevokedOne()
    {
        using var school = await ConnectAsync(School, WireTopics.Ack(School));
        var kit = await _broker.AddStationAsync("new-kit-01", "mobile");
        var before = await StationClient.TryConnectAsync(_broker.Port, "new-kit-01", kit);
        var revoke = await MociCommand.RunAsync("--db", _broker.Database, "stations", "revoke", School);

        await _broker.ExportAsync();
        Assert.That(school.Disconnected.IsCompleted, Is.False, "connected until the reload");
        await _broker.Broker.ReloadAsync();

        Assert.That(async () => await school.Disconnected.WaitAsync(TimeSpan.FromSeconds(10)), Throws.Nothing,
            "Mosquitto closes, at the reload, a connection whose user is no longer in the password file");
        Assert.That(revoke.ExitCode, Is.Zero, revoke.ToString());
        Assert.That(before, Is.Not.EqualTo(MqttClientConnectResultCode.Success), "Mosquitto knows a station only from the export");
        Assert.That(await StationClient.TryConnectAsync(_broker.Port, "new-kit-01", kit), Is.EqualTo(MqttClientConnectResultCode.Success));
        Assert.That(await StationClient.TryConnectAsync(_broker.Port, School, _broker.Secrets[School]), Is.Not.EqualTo(MqttClientConnectResultCode.Success));
        Assert.That(_broker.ExportOutput, Does.Contain("kill -HUP"));
    }
}
