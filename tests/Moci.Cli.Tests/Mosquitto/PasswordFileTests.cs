using Moci.Cli.Mosquitto;
using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class PasswordFileTests
{
    private static readonly DateTimeOffset Registered = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static RegisteredStation Station(string id, StationState state, string? hash) =>
        new(new Station(id, id, StationKind.Air, 41, 19, null, state), hash, Registered, Registered);

    [Test]
    public void Render_WritesTheIntakeAndActiveStationsWithTheirStoredHashes()
    {
        var text = PasswordFile.Render("# header\n", [
            Station("rrg-school-01", StationState.Active, "$7$20000$c2FsdA==$aGFzaDE="),
            Station("shk-river-01", StationState.Revoked, "$7$20000$c2FsdA==$aGFzaDI="),
            Station("new-kit-01", StationState.Pending, null),
        ], ["moci.ingest"], "intake-password");

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("# header"));
        Assert.That(lines[1], Does.StartWith("moci.ingest:$7$"));
        Assert.That(StationSecret.Verify("intake-password", lines[1]["moci.ingest:".Length..]), Is.True);
        Assert.That(lines[2..], Is.EqualTo(new[] { "rrg-school-01:$7$20000$c2FsdA==$aGFzaDE=" }));
    }

    [Test]
    public void Render_SeveralIntakeUsers_AllWithTheIntakePasswordEachWithItsOwnSalt()
    {
        var text = PasswordFile.Render("", [], ["moci.ingest", "moci.ingest.1", "moci.ingest.2"], "intake-password");

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Select(l => l.Split(':')[0]), Is.EqualTo(new[] { "moci.ingest", "moci.ingest.1", "moci.ingest.2" }));
        Assert.That(lines.Select(l => StationSecret.Verify("intake-password", l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..])), Has.All.True);
        Assert.That(lines.Select(l => l.Split(':')[1]).Distinct().Count(), Is.EqualTo(3), "a fresh salt per line");
    }
}
