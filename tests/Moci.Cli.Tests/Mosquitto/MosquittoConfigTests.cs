using Moci.Cli.Mosquitto;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class MosquittoConfigTests
{
    private static readonly string Config = MosquittoConfig.Render("# header\n", "/srv/moci/mosquitto", 1883, "moci");

    private static string[] Settings => Config.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [TestCase("user moci")]
    [TestCase("per_listener_settings false")]
    [TestCase("listener 1883")]
    [TestCase("allow_anonymous false")]
    [TestCase("password_file /srv/moci/mosquitto/passwords")]
    [TestCase("acl_file /srv/moci/mosquitto/acl")]
    [TestCase("use_username_as_clientid true")]
    [TestCase("persistence true")]
    [TestCase("persistence_location /srv/moci/mosquitto")]
    [TestCase("autosave_interval 10")]
    [TestCase("max_keepalive 300")]
    [TestCase("max_packet_size 262144")]
    [TestCase("check_retain_source true")]
    [TestCase("max_queued_messages 0")]
    [TestCase("max_queued_bytes 0")]
    [TestCase("max_inflight_messages 1000")]
    [TestCase("max_inflight_bytes 0")]
    public void Render_HasTheSetting(string setting) => Assert.That(Settings, Does.Contain(setting));

    [Test]
    public void Render_EachSettingOnce() => Assert.That(Settings.Select(s => s.Split(' ')[0]), Is.Unique);

    [Test]
    public void Render_NoMemoryLimit_WhichWouldDropAcknowledgedMessages() =>
        Assert.That(Settings, Has.None.StartsWith("memory_limit"));

    [Test]
    public void Render_ExplainsTheUnboundedQueuesMemoryCost() =>
        Assert.That(Config, Does.Contain("max_queued_messages 1000").And.Contain("0.8 KB per message").And.Contain("memory"));

    [Test]
    public void Render_StartsWithTheHeader() => Assert.That(Config, Does.StartWith("# header\n"));
}
