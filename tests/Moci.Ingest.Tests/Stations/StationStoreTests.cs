using Moci.Ingest.Stations;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Stations;

public sealed class StationStoreTests
{
    private static readonly Station School = new("rrg-school-01", "School roof", StationKind.Air, 41.07, 19.66, "REMY");

    private TempDirectory _folder = null!;
    private StationStore _store = null!;

    [SetUp]
    public void Open()
    {
        _folder = new TempDirectory();
        _store = new StationStore(_folder.File("hub.db"), TimeProvider.System);
    }

    [TearDown]
    public void Close()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public void Add_ThenFind_GivesTheStationAndHash()
    {
        var added = _store.Add(School, "$7$1$AAAA$BBBB");

        var found = _store.Find(School.Id);

        Assert.That(added, Is.True);
        Assert.That(found!.Station, Is.EqualTo(School));
        Assert.That(found.SecretHash, Is.EqualTo("$7$1$AAAA$BBBB"));
    }

    [Test]
    public void Add_TakenId_ReturnsFalseAndKeepsTheFirst()
    {
        _store.Add(School, "$7$1$AAAA$BBBB");

        var added = _store.Add(School with { Name = "Impostor" }, null);

        Assert.That(added, Is.False);
        Assert.That(_store.Find(School.Id)!.Station.Name, Is.EqualTo("School roof"));
    }

    [Test]
    public void ImportMissing_AddsUnknownStationsAsPendingAndLeavesKnownOnes()
    {
        _store.Add(School, "$7$1$AAAA$BBBB");
        var river = new Station("shk-river-01", "River", StationKind.Water, 41, 19.6, null);

        var imported = _store.ImportMissing([School with { Name = "Renamed in config" }, river]);

        Assert.That(imported, Is.EqualTo(1));
        Assert.That(_store.Find(School.Id)!.Station, Is.EqualTo(School), "the database, not the configuration, owns a known station");
        Assert.That(_store.Find(river.Id)!.Station.State, Is.EqualTo(StationState.Pending));
        Assert.That(_store.Find(river.Id)!.SecretHash, Is.Null);
    }

    [Test]
    public void Version_ChangesWithEveryChangeAndOnlyThen()
    {
        var start = _store.Version();
        _store.Add(School, null);
        var afterAdd = _store.Version();
        _store.Add(School, null);
        _store.ImportMissing([School]);
        var afterNoOps = _store.Version();
        _store.SetSecretHash(School.Id, "$7$1$AAAA$CCCC");
        var afterSecret = _store.Version();
        _store.Revoke(School.Id);

        Assert.That(new[] { start, afterAdd, afterNoOps, afterSecret, _store.Version() }, Is.EqualTo(new long[] { 0, 1, 1, 2, 3 }));
    }

    [Test]
    public void RevokeThenSetSecretHash_MakesTheStationActiveAgain()
    {
        _store.Add(School with { State = StationState.Active }, "$7$1$AAAA$BBBB");

        _store.Revoke(School.Id);
        var revoked = _store.Find(School.Id)!;
        _store.SetSecretHash(School.Id, "$7$1$AAAA$CCCC");
        var active = _store.Find(School.Id)!;

        Assert.That(revoked.Station.State, Is.EqualTo(StationState.Revoked));
        Assert.That(revoked.SecretHash, Is.EqualTo("$7$1$AAAA$BBBB"));
        Assert.That(active.Station.State, Is.EqualTo(StationState.Active));
        Assert.That(active.SecretHash, Is.EqualTo("$7$1$AAAA$CCCC"));
    }

    [Test]
    public void ChangesOfUnknownStations_ReturnFalse()
    {
        Assert.That(_store.Revoke("nosuch"), Is.False);
        Assert.That(_store.SetSecretHash("nosuch", "$7$1$AAAA$BBBB"), Is.False);
        Assert.That(_store.Version(), Is.Zero);
    }
}
