using Moci.Kit.Publishing;
using Moci.Kit.Tests.Support;

namespace Moci.Kit.Tests.Publishing;

public sealed class OutboxDatabaseTests
{
    [Test]
    public void Open_SetsWalAndSynchronousFull_AndTheyStayOnDisk()
    {
        using var folder = new TempDirectory();
        var path = folder.File("outbox.db");

        using var connection = OutboxDatabase.Open(path);

        Assert.That(OutboxDatabase.Scalar(connection, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(OutboxDatabase.Scalar(connection, "PRAGMA synchronous"), Is.EqualTo(2L), "2 is FULL");
        Assert.That(OutboxDatabase.Read(connection, "schema"), Is.EqualTo((long)OutboxDatabase.SchemaVersion));
    }

    [Test]
    public void Open_FileWithANewerSchema_IsRefusedWithAHint()
    {
        using var folder = new TempDirectory();
        var path = folder.File("outbox.db");
        using (var connection = OutboxDatabase.Open(path))
        {
            OutboxDatabase.Write(connection, "schema", OutboxDatabase.SchemaVersion + 1);
        }

        var error = Assert.Throws<InvalidOperationException>(() => OutboxDatabase.Open(path).Dispose());

        Assert.That(error!.Message, Does.Contain("upgrade the bridge"));
    }
}
