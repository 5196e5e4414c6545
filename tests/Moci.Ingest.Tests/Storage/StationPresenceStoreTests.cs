using Microsoft.Data.Sqlite;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Storage;

public sealed class StationPresenceStoreTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, 123, TimeSpan.Zero);

    [Test]
    public async Task Find_AfterSave_FromAnotherStoreOverTheSameFile_GivesTheState()
    {
        using var folder = new TempDirectory();
        using (var ingest = new StationPresenceStore(folder.File("hub.db")))
        {
            Assert.That(await ingest.SaveAsync(Station, new PresenceState(true, At)), Is.True);
        }

        SqliteConnection.ClearAllPools();
        using var dashboard = new StationPresenceStore(folder.File("hub.db"));

        Assert.That(await dashboard.FindAsync(Station), Is.EqualTo(new PresenceState(true, At)));
    }

    [Test]
    public async Task Find_StationNeverRecorded_IsNull()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        await store.SaveAsync(Station, new PresenceState(true, At));

        Assert.That(await store.FindAsync("shk-river-01"), Is.Null);
    }

    [Test]
    public async Task Save_TheSameStateAgain_KeepsSinceWhenItWasFirstKnown()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        await store.SaveAsync(Station, new PresenceState(true, At));

        var changed = await store.SaveAsync(Station, new PresenceState(true, At.AddHours(1)));

        Assert.That(changed, Is.False);
        Assert.That(await store.FindAsync(Station), Is.EqualTo(new PresenceState(true, At)));
    }

    [Test]
    public async Task Save_TheLastWillAfterOnline_RecordsOfflineSinceTheWill()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        await store.SaveAsync(Station, new PresenceState(true, At));

        var changed = await store.SaveAsync(Station, new PresenceState(false, At.AddMinutes(7)));

        Assert.That(changed, Is.True);
        Assert.That(await store.FindAsync(Station), Is.EqualTo(new PresenceState(false, At.AddMinutes(7))));
    }

    [Test]
    public async Task All_GivesEveryRecordedStation()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        await store.SaveAsync(Station, new PresenceState(true, At));
        await store.SaveAsync("shk-river-01", new PresenceState(false, At.AddSeconds(1)));

        var all = await store.AllAsync();

        Assert.That(all, Is.EquivalentTo(new Dictionary<string, PresenceState>
        {
            [Station] = new(true, At),
            ["shk-river-01"] = new(false, At.AddSeconds(1)),
        }));
    }

    [Test]
    public void Open_FileWithANewerTableVersion_RefusesNamingIt()
    {
        using var folder = new TempDirectory();
        using (new StationPresenceStore(folder.File("hub.db")))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={folder.File("hub.db")};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_versions SET version = 99 WHERE component = 'station_presence'";
            Assert.That(command.ExecuteNonQuery(), Is.EqualTo(1));
        }

        Assert.That(() => new StationPresenceStore(folder.File("hub.db")), Throws.InvalidOperationException.With.Message.Contains("station_presence schema version 99"));
    }
}
