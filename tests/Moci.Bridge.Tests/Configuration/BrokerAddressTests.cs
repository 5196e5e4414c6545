using Moci.Bridge.Configuration;

namespace Moci.Bridge.Tests.Configuration;

public sealed class BrokerAddressTests
{
    [TestCase("mqtt://192.168.1.20:1883", "192.168.1.20", 1883, false)]
    [TestCase("mqtt://hub.local", "hub.local", 1883, false)]
    [TestCase("mqtts://hub.example.org", "hub.example.org", 8883, true)]
    [TestCase("MQTTS://hub.example.org:9883", "hub.example.org", 9883, true)]
    [TestCase("mqtt://[::1]:1884", "::1", 1884, false)]
    public void TryParse_MqttUri_GivesHostPortAndTls(string text, string host, int port, bool tls)
    {
        Assert.That(BrokerAddress.TryParse(text, out var address, out var problem), Is.True, problem);
        Assert.That(address, Is.EqualTo(new BrokerAddress(host, port, tls)));
    }

    [TestCase("", "no broker address")]
    [TestCase("192.168.1.20:1883", "has no scheme")]
    [TestCase("http://hub.local:80", "the bridge speaks MQTT")]
    [TestCase("mqtt://hub.local:70000", "is not a broker address")]
    [TestCase("mqtt://user:pw@hub.local", "holds a user name or password")]
    [TestCase("mqtt://hub.local/readings", "has a path or query")]
    public void TryParse_NotABroker_SaysWhy(string text, string expected)
    {
        Assert.That(BrokerAddress.TryParse(text, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(expected).And.Contain("mqtt://HOST:PORT"));
    }

    [Test]
    public void ToString_WritesTheUri() =>
        Assert.That(new BrokerAddress("::1", 8883, true).ToString(), Is.EqualTo("mqtts://[::1]:8883"));
}
