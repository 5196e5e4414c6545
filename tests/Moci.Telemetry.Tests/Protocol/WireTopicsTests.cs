using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class WireTopicsTests
{
    [Test]
    public void TopicBuilders_FollowWireProtocolV1()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WireTopics.Readings("rrg-school-01"), Is.EqualTo("moci/v1/rrg-school-01/senml"));
            Assert.That(WireTopics.Ack("rrg-school-01"), Is.EqualTo("moci/v1/rrg-school-01/ack"));
            Assert.That(WireTopics.Status("rrg-school-01"), Is.EqualTo("moci/v1/rrg-school-01/status"));
            Assert.That(WireTopics.Health("rrg-school-01"), Is.EqualTo("moci/v1/rrg-school-01/health"));
            Assert.That(WireTopics.AllReadings, Is.EqualTo("moci/v1/+/senml"));
            Assert.That(WireTopics.SharedReadings("moci-ingest"), Is.EqualTo("$share/moci-ingest/moci/v1/+/senml"));
        });
    }

    [TestCase(TopicKind.Readings)]
    [TestCase(TopicKind.Ack)]
    [TestCase(TopicKind.Status)]
    [TestCase(TopicKind.Health)]
    public void TryParse_BuiltTopic_GivesStationAndKindBack(TopicKind kind)
    {
        var topic = WireTopics.For("shk-river-2", kind);

        Assert.That(WireTopics.TryParse(topic, out var station, out var parsed), Is.True);
        Assert.That((station, parsed), Is.EqualTo(("shk-river-2", kind)));
    }

    [TestCase("moci/v2/a/senml")]
    [TestCase("moci/v1/a/other")]
    [TestCase("moci/v1/A/senml")]
    [TestCase("moci/v1//senml")]
    [TestCase("moci/v1/a/senml/extra")]
    [TestCase("moci/v1/-a/senml")]
    [TestCase("other/topic")]
    public void TryParse_ForeignTopic_ReturnsFalse(string topic)
    {
        Assert.That(WireTopics.TryParse(topic, out _, out _), Is.False);
    }

    [Test]
    public void Readings_InvalidStationId_Throws()
    {
        Assert.That(() => WireTopics.Readings("school 1"), Throws.ArgumentException.With.Message.Contains("contains ' '"));
    }
}
