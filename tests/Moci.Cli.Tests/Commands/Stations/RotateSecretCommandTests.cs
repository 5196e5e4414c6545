using System.Text.Json;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Tests.Commands.Stations;

public sealed class RotateSecretCommandTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private string Rotate(string id)
    {
        var run = _cli.Run("stations", "rotate-secret", id, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "secret" }));
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    [Test]
    public void RotateSecret_OldSecretStopsWorking_NewOneWorks()
    {
        var old = _cli.Add("rrg-school-01");

        var fresh = Rotate("rrg-school-01");

        var hash = Registry.Find(_cli.DatabasePath, "rrg-school-01")!.SecretHash!;
        Assert.That(fresh, Is.Not.EqualTo(old));
        Assert.That(StationSecret.Verify(old, hash), Is.False);
        Assert.That(StationSecret.Verify(fresh, hash), Is.True);
    }

    [Test]
    public void RotateSecret_RevokedStation_BecomesActive()
    {
        _cli.Add("rrg-school-01");
        _cli.Run("stations", "revoke", "rrg-school-01");

        var run = _cli.Run("stations", "rotate-secret", "rrg-school-01");

        Assert.That(run.Out, Does.Contain("it was revoked; now it is active"));
        Assert.That(Registry.Find(_cli.DatabasePath, "rrg-school-01")!.Station.State, Is.EqualTo(StationState.Active));
    }

    [Test]
    public void RotateSecret_PendingStation_GetsItsFirstSecretAndBecomesActive()
    {
        using (var store = new StationStore(_cli.DatabasePath, _cli.Time))
        {
            store.ImportMissing([new Station("rrg-school-01", "School", StationKind.Air, 41, 19, null)]);
        }

        var secret = Rotate("rrg-school-01");

        var stored = Registry.Find(_cli.DatabasePath, "rrg-school-01")!;
        Assert.That(stored.Station.State, Is.EqualTo(StationState.Active));
        Assert.That(StationSecret.Verify(secret, stored.SecretHash!), Is.True);
    }

    [Test]
    public void RotateSecret_Text_PrintsTheSecretOnce()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("stations", "rotate-secret", "rrg-school-01");

        var secret = run.Out.Split('\n').Select(l => l.Trim()).Single(l => l.Length == 32 && !l.Contains(' ', StringComparison.Ordinal));
        Assert.That(StationSecret.Verify(secret, Registry.Find(_cli.DatabasePath, "rrg-school-01")!.SecretHash!), Is.True);
        Assert.That(run.Out, Does.Contain("The old secret no longer works"));
    }

    [Test]
    public void RotateSecret_UnknownStation_FailsAndChangesNothing()
    {
        _cli.Add("rrg-school-01");
        var before = Registry.All(_cli.DatabasePath);

        var run = _cli.Run("stations", "rotate-secret", "rrg-school-02");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("ID: no station 'rrg-school-02' is registered"));
        Assert.That(Registry.All(_cli.DatabasePath), Is.EqualTo(before));
    }
}
