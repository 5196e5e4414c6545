using Microsoft.Extensions.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Stations;

public sealed class StationRegistryTests
{
    private TempDirectory _folder = null!;
    private StationStore _store = null!;
    private StationRegistry _registry = null!;

    [SetUp]
    public void Open()
    {
        _folder = new TempDirectory();
        _store = new StationStore(_folder.File("hub.db"), TimeProvider.System);
        var options = new StationRegistryOptions();
        options.Stations.Add(new StationOptions { Id = "rrg-school-01", Name = "School roof", Kind = StationKind.Air });
        options.Stations.Add(new StationOptions { Id = "shk-river-01", Kind = StationKind.Water });
        _registry = new StationRegistry(_store, Microsoft.Extensions.Options.Options.Create(options));
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public void ConfiguredStations_AreImportedWithoutSecret_AndCannotLogIn()
    {
        Assert.That(_registry.All.Select(s => (s.Id, s.Name, s.State)), Is.EqualTo(new[]
        {
            ("rrg-school-01", "School roof", StationState.Pending),
            ("shk-river-01", "shk-river-01", StationState.Pending),
        }));
        Assert.That(_registry.Authenticate("rrg-school-01", "anything"), Is.EqualTo(StationAuthResult.NoSecret));
    }

    [Test]
    public void Authenticate_TellsEachCaseApart()
    {
        var secret = _registry.IssueSecret("rrg-school-01");

        Assert.That(_registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Accepted));
        Assert.That(_registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Accepted), "again, from the cache");
        Assert.That(_registry.Authenticate("rrg-school-01", secret[..^1]), Is.EqualTo(StationAuthResult.WrongSecret));
        Assert.That(_registry.Authenticate("rrg-school-01", null), Is.EqualTo(StationAuthResult.WrongSecret));
        Assert.That(_registry.Authenticate("rrg-school-02", secret), Is.EqualTo(StationAuthResult.UnknownStation));
        Assert.That(_registry.Authenticate("shk-river-01", secret), Is.EqualTo(StationAuthResult.NoSecret));
    }

    [Test]
    public void IssueSecret_OldSecretStopsWorking()
    {
        var old = _registry.IssueSecret("rrg-school-01");
        Assert.That(_registry.Authenticate("rrg-school-01", old), Is.EqualTo(StationAuthResult.Accepted));

        var fresh = _registry.IssueSecret("rrg-school-01");

        Assert.That(_registry.Authenticate("rrg-school-01", old), Is.EqualTo(StationAuthResult.WrongSecret));
        Assert.That(_registry.Authenticate("rrg-school-01", fresh), Is.EqualTo(StationAuthResult.Accepted));
    }

    [Test]
    public void IssueSecret_UnknownStation_Throws()
    {
        Assert.That(() => _registry.IssueSecret("nosuch"), Throws.InstanceOf<KeyNotFoundException>());
    }

    [Test]
    public void Refresh_SeesARevocationByAnotherProcess_AndReportsTheStation()
    {
        var secret = _registry.IssueSecret("rrg-school-01");
        _registry.IssueSecret("shk-river-01");
        Assert.That(_registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Accepted));
        var reported = new List<string>();
        _registry.CredentialsChanged += ids => reported.AddRange(ids);
        using (var otherProcess = new StationStore(_store.DatabasePath, TimeProvider.System))
        {
            otherProcess.Revoke("rrg-school-01");
        }

        var before = _registry.Authenticate("rrg-school-01", secret);
        _registry.Refresh();

        Assert.That(before, Is.EqualTo(StationAuthResult.Accepted), "nothing changes until the refresh");
        Assert.That(_registry.Authenticate("rrg-school-01", secret), Is.EqualTo(StationAuthResult.Revoked));
        Assert.That(_registry.TryGet("rrg-school-01", out var station) ? station.State : default, Is.EqualTo(StationState.Revoked));
        Assert.That(reported, Is.EqualTo(new[] { "rrg-school-01" }));
    }

    [Test]
    public void Refresh_SeesAStationAddedByAnotherProcess()
    {
        using (var otherProcess = new StationStore(_store.DatabasePath, TimeProvider.System))
        {
            otherProcess.Add(new Station("rrg-bike-01", "Bike", StationKind.Mobile, 41, 19.5, null), StationSecret.Hash("bike secret"));
        }

        _registry.Refresh();

        Assert.That(_registry.Authenticate("rrg-bike-01", "bike secret"), Is.EqualTo(StationAuthResult.Accepted));
    }
}
