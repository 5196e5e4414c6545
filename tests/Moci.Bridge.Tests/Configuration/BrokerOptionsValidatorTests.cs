namespace Moci.Bridge.Tests.Configuration;

public sealed class BrokerOptionsValidatorTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [TestCase("""{ "uri": "http://hub.local" }""", "broker:uri: 'http://hub.local' starts with 'http://'")]
    [TestCase("""{ "uri": "hub.local:1883" }""", "broker:uri: 'hub.local:1883' has no scheme")]
    [TestCase("""{ "uri": "mqtt://hub.local", "caFile": "/etc/moci/ca.pem" }""", "broker:caFile is set but broker:uri (mqtt://hub.local:1883) is plain MQTT")]
    [TestCase("""{ "uri": "mqtts://hub.local", "caFile": "/etc/moci/none.pem" }""", "broker:caFile: /etc/moci/none.pem does not exist")]
    [TestCase("""{ "uri": "mqtts://hub.local", "caFile": "/etc/moci/key.pem" }""", "broker:caFile: /etc/moci/key.pem holds no PEM certificate")]
    [TestCase("""{ "uri": "mqtt://hub.local", "ackTimeout": "500ms" }""", "broker:ackTimeout must be at least 1s (was 500ms)")]
    [TestCase("""{ "uri": "mqtt://hub.local", "maxReconnectDelay": "0s" }""", "broker:maxReconnectDelay must be at least 1s")]
    public void Validate_BadBroker_NamesTheSettingAndTheFix(string broker, string expected)
    {
        _config.Files["/etc/moci/key.pem"] = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";

        var problems = _config.Problems(WithBroker(broker));

        Assert.That(problems, Has.One.StartsWith(expected));
        Assert.That(problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void Validate_TlsWithTheHubsCa_Passes()
    {
        var certificates = TestCertificates.Create(_config.Folder);
        _config.Files["/etc/moci/ca.pem"] = File.ReadAllText(certificates.CaPath);

        Assert.That(_config.Problems(WithBroker("""{ "uri": "mqtts://hub.local", "caFile": "/etc/moci/ca.pem" }""")), Is.Empty);
    }

    private static string WithBroker(string broker) =>
        BridgeConfig.Valid.Replace("""{ "uri": "mqtt://192.168.1.20:1883" }""", broker, StringComparison.Ordinal);
}
