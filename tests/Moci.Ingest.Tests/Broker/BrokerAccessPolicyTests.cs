using System.Text;
using Moci.Ingest.Broker;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Stations;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Broker;

public sealed class BrokerAccessPolicyTests
{
    private const string School = "rrg-school-01";

    private static readonly BrokerOptions Options = new() { ClientId = "moci-ingest", SharedSubscriptionGroup = "ingest" };

    private StationRegistry _registry = null!;
    private IntakeCredential _intake = null!;
    private BrokerAccessPolicy _policy = null!;
    private string _secret = null!;

    [OneTimeSetUp]
    public void Create()
    {
        _registry = TestRegistry.Create(
            new StationOptions { Id = School, Kind = StationKind.Air },
            new StationOptions { Id = "rrg-school-01-b", Kind = StationKind.Air },
            new StationOptions { Id = "moci", Kind = StationKind.Air },
            new StationOptions { Id = "shk-river-01", Kind = StationKind.Water });
        _secret = _registry.IssueSecret(School);
        _registry.IssueSecret("moci");
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        _intake = new IntakeCredential(options);
        _policy = new BrokerAccessPolicy(_registry, _intake, options);
    }

    private ConnectDecision Connect(string? clientId, string? username, string? password, ushort keepAlive = 60) =>
        _policy.CheckConnect(clientId, username, password is null ? null : Encoding.UTF8.GetBytes(password), keepAlive);

    [Test]
    public void Connect_StationWithItsSecret_IsAcceptedAsThatStation()
    {
        var decision = Connect(School, School, _secret);

        Assert.That(decision.Code, Is.EqualTo(MqttConnectReasonCode.Success));
        Assert.That(decision.Principal, Is.EqualTo(new BrokerPrincipal(School)));
        Assert.That(decision.AssignedClientId, Is.Null);
    }

    [Test]
    public void Connect_NoClientId_IsGivenTheStationId()
    {
        var decision = Connect("", School, _secret);

        Assert.That(decision.Code, Is.EqualTo(MqttConnectReasonCode.Success));
        Assert.That(decision.AssignedClientId, Is.EqualTo(School));
    }

    [TestCase(School + "-2")]
    [TestCase(School + "-sensor-a")]
    public void Connect_ClientIdStartingWithTheStationIdAndDash_IsAccepted(string clientId)
    {
        Assert.That(Connect(clientId, School, _secret).Code, Is.EqualTo(MqttConnectReasonCode.Success));
    }

    [TestCase(School, null, null, MqttConnectReasonCode.NotAuthorized, Refusal.Anonymous)]
    [TestCase(School, "", "x", MqttConnectReasonCode.NotAuthorized, Refusal.Anonymous)]
    [TestCase(School, School, "wrong", MqttConnectReasonCode.BadUserNameOrPassword, Refusal.WrongSecret)]
    [TestCase(School, School, null, MqttConnectReasonCode.BadUserNameOrPassword, Refusal.WrongSecret)]
    [TestCase("nosuch", "nosuch", "x", MqttConnectReasonCode.BadUserNameOrPassword, Refusal.UnknownStation)]
    [TestCase("Bad Id", "Bad Id", "x", MqttConnectReasonCode.BadUserNameOrPassword, Refusal.UnknownStation)]
    [TestCase("shk-river-01", "shk-river-01", "x", MqttConnectReasonCode.NotAuthorized, Refusal.NoSecret)]
    public void Connect_BadCredentials_AreRefused(string? clientId, string? username, string? password, MqttConnectReasonCode code, Refusal refusal)
    {
        var decision = Connect(clientId, username == "" ? null : username, password);

        Assert.That((decision.Code, decision.Refusal), Is.EqualTo((code, (Refusal?)refusal)));
        Assert.That(decision.Principal, Is.Null);
    }

    [TestCase("shk-river-01", Description = "another station's id")]
    [TestCase("rrg-school-01-b", Description = "the id of a registered station that starts with ours")]
    [TestCase("rrg-school-01-b-1", Description = "a client id that station owns")]
    [TestCase("rrg-school-011", Description = "our id without the dash")]
    [TestCase("moci-ingest", Description = "the intake's")]
    public void Connect_ClientIdNotOwnedByTheStation_IsRefused(string clientId)
    {
        var username = clientId == "moci-ingest" ? "moci" : School;
        var password = username == School ? _secret : _registry.IssueSecret("moci");

        var decision = Connect(clientId, username, password);

        Assert.That(decision.Refusal, Is.EqualTo(Refusal.ClientIdNotAllowed));
        Assert.That(decision.Code, Is.EqualTo(MqttConnectReasonCode.ClientIdentifierNotValid));
    }

    [TestCase((ushort)0)]
    [TestCase((ushort)301)]
    public void Connect_KeepAliveOutOfRange_IsRefused(ushort keepAlive)
    {
        Assert.That(Connect(School, School, _secret, keepAlive).Refusal, Is.EqualTo(Refusal.KeepAliveOutOfRange));
    }

    [Test]
    public void Connect_Intake_NeedsItsPasswordAndItsClientId()
    {
        Assert.That(Connect("moci-ingest", _intake.Username, _intake.Password).Principal, Is.EqualTo(BrokerPrincipal.Intake));
        Assert.That(Connect("moci-ingest", _intake.Username, "guess").Refusal, Is.EqualTo(Refusal.WrongSecret));
        Assert.That(Connect("other", _intake.Username, _intake.Password).Refusal, Is.EqualTo(Refusal.WrongSecret));
    }

    [TestCase("moci/v1/rrg-school-01/senml")]
    [TestCase("moci/v1/rrg-school-01/status")]
    [TestCase("moci/v1/rrg-school-01/health")]
    public void Publish_StationOnItsOwnTopics_IsAllowed(string topic)
    {
        Assert.That(_policy.CheckPublish(new BrokerPrincipal(School), topic), Is.Null);
    }

    [TestCase("moci/v1/shk-river-01/senml", MqttPubAckReasonCode.NotAuthorized)]
    [TestCase("moci/v1/shk-river-01/status", MqttPubAckReasonCode.NotAuthorized)]
    [TestCase("moci/v1/rrg-school-01/ack", MqttPubAckReasonCode.NotAuthorized)]
    [TestCase("moci/v1/rrg-school-01/other", MqttPubAckReasonCode.NotAuthorized)]
    [TestCase("$SYS/broker/uptime", MqttPubAckReasonCode.NotAuthorized)]
    [TestCase("moci/v1/+/senml", MqttPubAckReasonCode.TopicNameInvalid)]
    [TestCase("moci/v1/#", MqttPubAckReasonCode.TopicNameInvalid)]
    [TestCase("moci/v1/rrg-school-01/senml\0", MqttPubAckReasonCode.TopicNameInvalid)]
    [TestCase("moci/v1/rrg-school-01/\nsenml", MqttPubAckReasonCode.TopicNameInvalid)]
    public void Publish_StationElsewhere_IsRefused(string topic, MqttPubAckReasonCode code)
    {
        Assert.That(_policy.CheckPublish(new BrokerPrincipal(School), topic)?.Code, Is.EqualTo(code));
    }

    [Test]
    public void Publish_Intake_OnlyAcknowledgements()
    {
        Assert.That(_policy.CheckPublish(BrokerPrincipal.Intake, "moci/v1/shk-river-01/ack"), Is.Null);
        Assert.That(_policy.CheckPublish(BrokerPrincipal.Intake, "moci/v1/shk-river-01/senml")?.Refusal, Is.EqualTo(Refusal.PublishNotAllowed));
    }

    [Test]
    public void Subscribe_StationOnlyToItsOwnAcks()
    {
        var station = new BrokerPrincipal(School);

        Assert.That(_policy.CheckSubscribe(station, "moci/v1/rrg-school-01/ack"), Is.Null);
        Assert.That(new[] { "#", "$SYS/#", "moci/v1/+/ack", "moci/v1/shk-river-01/ack", "moci/v1/rrg-school-01/senml", "moci/v1/rrg-school-01/#" }
            .Select(f => _policy.CheckSubscribe(station, f)?.Code), Is.All.EqualTo(MqttSubscribeReasonCode.NotAuthorized));
    }

    [Test]
    public void Subscribe_IntakeOnlyToTheStationsTopics()
    {
        Assert.That(new[] { "moci/v1/+/senml", "moci/v1/+/status", "moci/v1/+/health", "$share/ingest/moci/v1/+/senml" }
            .Select(f => _policy.CheckSubscribe(BrokerPrincipal.Intake, f)), Is.All.Null);
        Assert.That(_policy.CheckSubscribe(BrokerPrincipal.Intake, "#")?.Refusal, Is.EqualTo(Refusal.SubscribeNotAllowed));
    }

    [Test]
    public void OwnerOf_PicksTheLongestRegisteredStationId()
    {
        Assert.That(_policy.OwnerOf("rrg-school-01-b-7"), Is.EqualTo("rrg-school-01-b"));
        Assert.That(_policy.OwnerOf("rrg-school-01-c"), Is.EqualTo(School));
        Assert.That(_policy.OwnerOf("stranger"), Is.Null);
    }
}
