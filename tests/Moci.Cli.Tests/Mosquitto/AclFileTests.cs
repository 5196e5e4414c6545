using Moci.Cli.Mosquitto;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class AclFileTests
{
    private static string[] Rules(string acl) => acl.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Test]
    public void Render_Intake_ReadsStationTopicsAndWritesAcknowledgements()
    {
        var rules = Rules(AclFile.Render("", ["moci.ingest"], []));

        Assert.That(rules[..5], Is.EqualTo(new[]
        {
            "user moci.ingest",
            "topic read moci/v1/+/senml",
            "topic read moci/v1/+/status",
            "topic read moci/v1/+/health",
            "topic write moci/v1/+/ack",
        }));
    }

    [Test]
    public void Render_Stations_OnlyTheirOwnTopicsByUserName()
    {
        var rules = Rules(AclFile.Render("", ["moci.ingest"], []));

        Assert.That(rules[5..], Is.EqualTo(new[]
        {
            "pattern write moci/v1/%u/senml",
            "pattern write moci/v1/%u/status",
            "pattern write moci/v1/%u/health",
            "pattern read moci/v1/%u/ack",
        }));
    }

    [Test]
    public void Render_RevokedStations_AreDeniedEverything()
    {
        var rules = Rules(AclFile.Render("", ["moci.ingest"], ["old-kit-01", "old-kit-02"]));

        Assert.That(rules, Is.SupersetOf(new[] { "user old-kit-01", "user old-kit-02" }));
        Assert.That(rules[Array.IndexOf(rules, "user old-kit-01") + 1], Is.EqualTo("topic deny #"));
        Assert.That(rules[Array.IndexOf(rules, "user old-kit-02") + 1], Is.EqualTo("topic deny #"));
    }

    [Test]
    public void Render_GrantsNothingToAllUsersButTheOwnTopicPatterns()
    {
        var rules = Rules(AclFile.Render("", ["moci.ingest"], []));

        // Lines before the first "user" apply to anonymous clients; patterns apply to everyone.
        Assert.That(rules[0], Does.StartWith("user "));
        Assert.That(rules.Where(r => r.StartsWith("pattern", StringComparison.Ordinal)), Has.All.Contain("moci/v1/%u/"));
        Assert.That(rules, Has.None.Contains("#"), "no wildcard grant, and no revoked station here");
    }

    [Test]
    public void Render_StartsWithTheHeader()
    {
        Assert.That(AclFile.Render("# header\n", ["moci.ingest"], []), Does.StartWith("# header\n"));
    }

    [Test]
    public void Render_SeveralIntakeUsers_EachGetsTheIntakesRules()
    {
        var rules = Rules(AclFile.Render("", ["moci.ingest", "moci.ingest.1", "moci.ingest.2"], []));

        foreach (var user in new[] { "moci.ingest", "moci.ingest.1", "moci.ingest.2" })
        {
            var at = Array.IndexOf(rules, "user " + user);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), user);
            Assert.That(rules[(at + 1)..(at + 5)], Is.EqualTo(new[]
            {
                "topic read moci/v1/+/senml",
                "topic read moci/v1/+/status",
                "topic read moci/v1/+/health",
                "topic write moci/v1/+/ack",
            }), user);
        }
    }
}
