using Microsoft.Extensions.Options;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Stations;

namespace Moci.Cli.Tests.Commands.Stations;

public sealed class RevokeCommandTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    [Test]
    public void Revoke_ActiveStation_IsRevoked_AndARunningRegistryRefusesIt()
    {
        var secret = _cli.Add("rrg-school-01");
        using var store = new StationStore(_cli.DatabasePath, _cli.Time);
        var registry = new StationRegistry(store, Options.Create(new StationRegistryOptions()));
        Assert.That(registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Accepted));
        var closed = new List<string>();
        registry.CredentialsChanged += ids => closed.AddRange(ids);

        var run = _cli.Run("stations", "revoke", "rrg-school-01");
        registry.Refresh();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("Revoked station rrg-school-01").And.Contain("within 10 seconds"));
        Assert.That(Registry.Find(_cli.DatabasePath, "rrg-school-01")!.Station.State, Is.EqualTo(StationState.Revoked));
        Assert.That(registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Revoked));
        Assert.That(closed, Is.EqualTo(new[] { "rrg-school-01" }), "the hub is told to close its connection");
    }

    [Test]
    public void Revoke_AlreadyRevoked_SaysSoAndSucceeds()
    {
        _cli.Add("rrg-school-01");
        _cli.Run("stations", "revoke", "rrg-school-01");

        var run = _cli.Run("stations", "revoke", "rrg-school-01");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("already revoked"));
    }

    [Test]
    public void Revoke_UnknownStation_NamesTheIdAndFails()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("stations", "revoke", "shk-river-01");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("ID: no station 'shk-river-01' is registered"));
        Assert.That(Registry.Find(_cli.DatabasePath, "rrg-school-01")!.Station.State, Is.EqualTo(StationState.Active));
    }

    [Test]
    public void Revoke_NoDatabase_FailsWithTheFileName()
    {
        var run = _cli.Run("stations", "revoke", "rrg-school-01");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(run.Error, Does.Contain(_cli.DatabasePath));
    }
}
