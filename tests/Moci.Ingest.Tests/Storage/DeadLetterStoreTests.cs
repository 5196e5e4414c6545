using System.Text;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Storage;

public sealed class DeadLetterStoreTests
{
    [Test]
    public async Task AddAsync_ThenList_NewestFirstWithEverything()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        var t0 = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var first = new DeadLetter(t0, "moci/v1/a/senml", "a", "invalid SenML pack: x", Encoding.UTF8.GetBytes("{bad"));
        var second = new DeadLetter(t0.AddSeconds(1), "moci/v1/B/senml", null, "not a readings topic", [1, 2, 3]);

        await store.AddAsync([first, second]);
        var all = await store.ListAsync();
        var ofA = await store.ListAsync("a");

        Assert.That(all.Select(l => l with { Id = 0 }), Is.EqualTo(new[] { second, first }).UsingPropertiesComparer());
        Assert.That(all.Select(l => l.Id), Is.All.GreaterThan(0));
        Assert.That(ofA.Select(l => l.Reason), Is.EqualTo(new[] { "invalid SenML pack: x" }));
    }

    [Test]
    public async Task AddAsync_SurvivesReopening()
    {
        using var folder = new TempDirectory();
        using (var store = new DeadLetterStore(folder.File("hub.db")))
        {
            await store.AddAsync([new DeadLetter(DateTimeOffset.UnixEpoch, "t", null, "r", [9])]);
        }

        using var reopened = new DeadLetterStore(folder.File("hub.db"));
        Assert.That((await reopened.ListAsync()).Single().Payload, Is.EqualTo(new byte[] { 9 }));
    }
}
