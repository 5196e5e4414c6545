using Moci.Cli.Mosquitto;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class SharedGroupTests
{
    [Test]
    public void Name_SamePassword_SameGroup()
    {
        var first = SharedGroup.Name("intake-password");

        var again = SharedGroup.Name("intake-password");

        Assert.That(again, Is.EqualTo(first), "a later export keeps running ingests in their group");
    }

    [Test]
    public void Name_OtherPassword_OtherGroup()
    {
        Assert.That(SharedGroup.Name("intake-password"), Is.Not.EqualTo(SharedGroup.Name("intake-password2")));
    }

    [Test]
    public void Name_Is128BitsOfHexThatAnMqttTopicLevelTakes()
    {
        var name = SharedGroup.Name("intake-password");

        Assert.That(name, Does.Match("^moci-[0-9a-f]{32}$"));
        Assert.That(name, Does.Not.Contain("intake-password"));
    }
}
