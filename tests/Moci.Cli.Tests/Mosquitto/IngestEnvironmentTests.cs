using Moci.Cli.Mosquitto;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class IngestEnvironmentTests
{
    [Test]
    public void Render_TheIngestsCommonSettingsAsKeyValueLines()
    {
        var text = IngestEnvironment.Render("# header\n", 1884, "/srv/moci/mosquitto/ingest.secret", "/srv/moci/moci.db", "moci-0123");

        var settings = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.That(settings, Is.EqualTo(new[]
        {
            "Broker__Embedded=false",
            "Broker__Host=localhost",
            "Broker__Port=1884",
            "Broker__PasswordFile=/srv/moci/mosquitto/ingest.secret",
            "Broker__SharedSubscriptionGroup=moci-0123",
            "Storage__DatabasePath=/srv/moci/moci.db",
        }));
        Assert.That(text, Does.StartWith("# header\n"));
    }
}
