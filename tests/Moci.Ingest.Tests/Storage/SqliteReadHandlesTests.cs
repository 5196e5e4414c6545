using Microsoft.Data.Sqlite;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Storage;

public sealed class SqliteReadHandlesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Rent_ThePooledHandleAfterAWrite_SeesTheNewRows()
    {
        using var folder = new TempDirectory();
        using var store = new SqliteReadingStore(folder.File("hub.db"));
        using var handles = new SqliteReadHandles(store.DatabasePath);
        await store.WriteAsync([new Reading("s1", "pm10", T0, 1)]);

        var first = handles.Rent();
        var before = CountReadings(first);
        handles.Return(first);
        await store.WriteAsync([new Reading("s1", "pm10", T0.AddMinutes(1), 2), new Reading("s1", "pm10", T0.AddMinutes(2), 3)]);
        var second = handles.Rent();
        var after = CountReadings(second);
        handles.Return(second);

        Assert.That(second, Is.SameAs(first), "the handle is reused");
        Assert.That((before, after), Is.EqualTo((1L, 3L)));
    }

    [Test]
    public void Rent_NoDatabaseFile_ThrowsSqliteExceptionNamingTheError()
    {
        using var folder = new TempDirectory();
        using var handles = new SqliteReadHandles(folder.File("missing.db"));

        var error = Assert.Throws<SqliteException>(() => handles.Rent());

        Assert.That(error!.Message, Does.Contain("unable to open"));
    }

    [Test]
    public void Rent_AfterDispose_Throws()
    {
        using var folder = new TempDirectory();
        var handles = new SqliteReadHandles(folder.File("hub.db"));
        handles.Dispose();

        Assert.Throws<ObjectDisposedException>(() => handles.Rent());
    }

    private static long CountReadings(SQLitePCL.sqlite3 handle)
    {
        using var count = new RawStatement(handle, "SELECT count(*) FROM readings");
        Assert.That(count.Step(), Is.True);
        var rows = count.Int64(0);
        Assert.That(count.Step(), Is.False);
        return rows;
    }
}
