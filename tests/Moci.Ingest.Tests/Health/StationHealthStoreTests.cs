using Microsoft.Data.Sqlite;
using Moci.Ingest.Health;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Health;

public sealed class StationHealthStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, TimeSpan.Zero);

    private static StationHealth Report(DateTimeOffset at, long depth = 3) => new(
        "rrg-school-01", at, 86412.3, 3600, 48.3, 12884901888,
        new OutboxHealth(depth, 120.5, 0),
        new ClockHealth("ntp", true),
        [new SensorHealth("dust", "sds011", "failing", "no frame within 3 s", at.AddMinutes(-1), null)]);

    [Test]
    public async Task Find_AfterSave_FromAnotherConnectionAfterReopening_GivesTheReport()
    {
        using var folder = new TempDirectory();
        var report = Report(At);
        using (var writer = new StationHealthStore(folder.File("hub.db")))
        {
            Assert.That(await writer.SaveAsync(report, At.AddSeconds(2)), Is.True);
        }

        SqliteConnection.ClearAllPools();
        using var reader = new StationHealthStore(folder.File("hub.db"));
        var found = await reader.FindAsync("rrg-school-01");

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.ReceivedAt, Is.EqualTo(At.AddSeconds(2)));
        Assert.That(found.Report with { Sensors = [] }, Is.EqualTo(report with { Sensors = [] }));
        Assert.That(found.Report.Sensors, Is.EqualTo(report.Sensors));
    }

    [Test]
    public async Task Find_StationWithoutReport_IsNull()
    {
        using var folder = new TempDirectory();
        using var store = new StationHealthStore(folder.File("hub.db"));
        await store.SaveAsync(Report(At), At);

        Assert.That(await store.FindAsync("shk-river-01"), Is.Null);
    }

    [Test]
    public async Task Save_TheSameReportReplayed_KeepsWhenItWasFirstReceived()
    {
        using var folder = new TempDirectory();
        using var store = new StationHealthStore(folder.File("hub.db"));
        await store.SaveAsync(Report(At), At.AddSeconds(1));

        var changed = await store.SaveAsync(Report(At), At.AddHours(1));

        Assert.That(changed, Is.False);
        Assert.That((await store.FindAsync("rrg-school-01"))!.ReceivedAt, Is.EqualTo(At.AddSeconds(1)));
    }

    [Test]
    public async Task Save_ANewReport_ReplacesTheOldOne()
    {
        using var folder = new TempDirectory();
        using var store = new StationHealthStore(folder.File("hub.db"));
        await store.SaveAsync(Report(At, depth: 3), At);

        await store.SaveAsync(Report(At.AddMinutes(5), depth: 9), At.AddMinutes(5));
        var found = await store.FindAsync("rrg-school-01");

        Assert.That((found!.Report.At, found.Report.Outbox.Depth, found.ReceivedAt), Is.EqualTo((At.AddMinutes(5), 9L, At.AddMinutes(5))));
    }

    [Test]
    public async Task Save_KeepLater_AnOlderReportReplayed_LeavesTheOneReceivedLater()
    {
        using var folder = new TempDirectory();
        using var store = new StationHealthStore(folder.File("hub.db"));
        await store.SaveAsync(Report(At.AddMinutes(5), depth: 9), At.AddMinutes(5));

        var changed = await store.SaveAsync(Report(At, depth: 3), At, keepLater: true);
        var found = await store.FindAsync("rrg-school-01");

        Assert.That(changed, Is.False);
        Assert.That((found!.Report.Outbox.Depth, found.ReceivedAt), Is.EqualTo((9L, At.AddMinutes(5))));
    }

    [Test]
    public async Task Save_KeepLater_AReportReceivedAfterTheStoredOne_ReplacesIt()
    {
        using var folder = new TempDirectory();
        using var store = new StationHealthStore(folder.File("hub.db"));
        await store.SaveAsync(Report(At, depth: 3), At);

        var changed = await store.SaveAsync(Report(At.AddMinutes(5), depth: 9), At.AddMinutes(5), keepLater: true);

        Assert.That(changed, Is.True);
        Assert.That((await store.FindAsync("rrg-school-01"))!.Report.Outbox.Depth, Is.EqualTo(9));
    }

    [Test]
    public void Open_FileWithANewerTableVersion_RefusesNamingIt()
    {
        using var folder = new TempDirectory();
        using (var store = new StationHealthStore(folder.File("hub.db")))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={folder.File("hub.db")};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_versions SET version = 99 WHERE component = 'station_health'";
            Assert.That(command.ExecuteNonQuery(), Is.EqualTo(1));
        }

        Assert.That(() => new StationHealthStore(folder.File("hub.db")), Throws.InvalidOperationException.With.Message.Contains("station_health schema version 99"));
    }
}
