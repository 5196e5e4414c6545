using System.Text;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Options;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Storage;

public sealed class DeadLetterStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A letter whose stored size is exactly <paramref name="bytes"/>: topic "t" and reason "r" count one byte each.</summary>
    private static DeadLetter OfSize(int bytes, int second) => new(T0.AddSeconds(second), "t", null, "r", new byte[bytes - 2]);

    [Test]
    public async Task AddAsync_ThenList_NewestFirstWithEverything()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        var first = new DeadLetter(T0, "moci/v1/a/senml", "a", "invalid SenML pack: x", Encoding.UTF8.GetBytes("{bad"));
        var second = new DeadLetter(T0.AddSeconds(1), "moci/v1/B/senml", null, "not a readings topic", [1, 2, 3]);

        await store.AddAsync([first, second]);
        var all = await store.ListAsync();
        var ofA = await store.ListAsync("a");

        Assert.That(all.Select(l => l with { Id = 0 }), Is.EqualTo(new[] { second, first }).UsingPropertiesComparer());
        Assert.That(all.Select(l => l.Id), Is.All.GreaterThan(0));
        Assert.That(ofA.Select(l => l.Reason), Is.EqualTo(new[] { "invalid SenML pack: x" }));
    }

    [TestCase("rrg-school-01", "moci/v1/rrg-school-01/health", "{\"station\":1}", true)]
    [TestCase("shk-river-01", "moci/v1/rrg-school-01/health", "{\"station\":1}", false)]
    [TestCase("rrg-school-01", "moci/v1/rrg-school-01/senml", "{\"station\":1}", false)]
    [TestCase("rrg-school-01", "moci/v1/rrg-school-01/health", "{\"station\":2}", false)]
    [TestCase("rrg-school-01", "moci/v1/rrg-school-01/health", "{\"station\":1} ", false)]
    public async Task Contains_MatchesStationTopicAndTheWholePayload(string station, string topic, string payload, bool expected)
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync([new DeadLetter(T0, "moci/v1/rrg-school-01/health", "rrg-school-01", "invalid health report: x", Encoding.UTF8.GetBytes("{\"station\":1}"))]);

        Assert.That(await store.ContainsAsync(station, topic, Encoding.UTF8.GetBytes(payload)), Is.EqualTo(expected));
    }

    [Test]
    public async Task Contains_PayloadStoredCut_ComparesTheKeptStartAndTheSize()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 4 });
        await store.AddAsync([new DeadLetter(T0, "t", "a", "r", [1, 2, 3, 4, 5, 6])]);

        Assert.That(await store.ContainsAsync("a", "t", new byte[] { 1, 2, 3, 4, 5, 6 }), Is.True);
        Assert.That(await store.ContainsAsync("a", "t", new byte[] { 1, 2, 3, 4, 5, 7 }), Is.True, "only the first 4 bytes are kept, and the size");
        Assert.That(await store.ContainsAsync("a", "t", new byte[] { 1, 2, 3, 4, 5 }), Is.False, "another size");
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

    [Test]
    public async Task AddAsync_PayloadOverTheCap_KeepsItsFirstBytesAndItsSize()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 4 });
        await store.AddAsync([new DeadLetter(T0, "t", null, "r", Encoding.UTF8.GetBytes("0123456789")), new DeadLetter(T0, "t", null, "r", [1, 2, 3, 4])]);

        var letters = await store.ListAsync();

        Assert.That(letters.Select(l => Encoding.UTF8.GetString(l.Payload)), Is.EqualTo(new[] { "\u0001\u0002\u0003\u0004", "0123" }));
        Assert.That(letters.Select(l => l.PayloadSize), Is.EqualTo(new long[] { 4, 10 }));
        Assert.That(letters.Select(l => l.Truncated), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public async Task AddAsync_ReasonQuotingAWholePayload_IsCutWithAnEllipsis()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        var reason = "invalid SenML pack: not valid JSON: '" + new string('x', 5_000_000) + "' is an invalid start of a value.";

        await store.AddAsync([new DeadLetter(T0, "t", null, reason, [1])]);
        var stored = (await store.ListAsync()).Single().Reason;

        Assert.That(stored, Has.Length.EqualTo(DeadLetterStore.MaxReasonLength + 1));
        Assert.That(stored, Does.StartWith("invalid SenML pack: not valid JSON: 'xxx").And.EndWith("x…"));
    }

    [Test]
    public async Task AddAsync_OverTheQuota_DropsTheOldestAndCountsThem()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 100, MaxTotalBytes = 350 });

        await store.AddAsync([OfSize(100, 0), OfSize(100, 1)]);
        await store.AddAsync([OfSize(100, 2), OfSize(100, 3), OfSize(100, 4)]);
        var kept = await store.ListAsync();

        Assert.That(kept.Select(l => l.ReceivedAt), Is.EqualTo(new[] { T0.AddSeconds(4), T0.AddSeconds(3), T0.AddSeconds(2) }));
        Assert.That(await store.DroppedAsync(), Is.EqualTo(2));
        Assert.That(await store.CountAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task AddAsync_OneLetterOverTheWholeQuota_KeepsTheNewest()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 100, MaxTotalBytes = 100 });
        await store.AddAsync([OfSize(50, 0)]);

        await store.AddAsync([new DeadLetter(T0.AddSeconds(1), new string('t', 200), null, "r", [1])]);
        var kept = await store.ListAsync();
        await store.AddAsync([OfSize(50, 2)]);
        var ids = (await store.ListAsync()).Select(l => l.Id).ToList();

        Assert.That(kept.Single().ReceivedAt, Is.EqualTo(T0.AddSeconds(1)), "the newest letter is kept even when it alone is over the quota");
        Assert.That(ids.Single(), Is.GreaterThan(kept.Single().Id), "ids are never given twice, so a page cursor stays valid");
        Assert.That(await store.DroppedAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task DroppedAsync_SurvivesReopening()
    {
        using var folder = new TempDirectory();
        var options = new DeadLetterOptions { MaxPayloadBytes = 100, MaxTotalBytes = 200 };
        using (var store = new DeadLetterStore(folder.File("hub.db"), options))
        {
            await store.AddAsync([OfSize(100, 0), OfSize(100, 1), OfSize(100, 2)]);
        }

        using var reopened = new DeadLetterStore(folder.File("hub.db"), options);
        await reopened.AddAsync([OfSize(100, 3)]);

        Assert.That(await reopened.DroppedAsync(), Is.EqualTo(2));
        Assert.That((await reopened.ListAsync()).Select(l => l.ReceivedAt), Is.EqualTo(new[] { T0.AddSeconds(3), T0.AddSeconds(2) }));
    }

    [Test]
    public async Task Open_WithSmallerLimits_CutsAndDropsWhatIsAlreadyStored()
    {
        using var folder = new TempDirectory();
        using (var store = new DeadLetterStore(folder.File("hub.db")))
        {
            await store.AddAsync([OfSize(1002, 0), OfSize(1002, 1), OfSize(1002, 2)]);
        }

        using var reopened = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 500, MaxTotalBytes = 1100 });
        var kept = await reopened.ListAsync();

        Assert.That(kept.Select(l => l.Payload.Length), Is.EqualTo(new[] { 500, 500 }));
        Assert.That(kept.Select(l => l.PayloadSize), Is.EqualTo(new long[] { 1000, 1000 }));
        Assert.That(await reopened.DroppedAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Open_FileOfSchemaVersion1_KeepsItsRows()
    {
        using var folder = new TempDirectory();
        var path = folder.File("hub.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
                INSERT INTO schema_versions VALUES ('dead_letters', 1);
                CREATE TABLE dead_letters (
                    id          INTEGER PRIMARY KEY,
                    received_ts INTEGER NOT NULL,
                    topic       TEXT    NOT NULL,
                    station     TEXT,
                    reason      TEXT    NOT NULL,
                    payload     BLOB    NOT NULL
                );
                CREATE INDEX dead_letters_station ON dead_letters (station, received_ts);
                INSERT INTO dead_letters VALUES (7, 1764064800000, 'moci/v1/a/senml', 'a', 'unknown metric ''x''', CAST('[{"n":"x"}]' AS BLOB));
                INSERT INTO dead_letters VALUES (8, 1764064801000, 'moci/v1/a/senml', 'a', 'not valid JSON: ' || hex(zeroblob(2000)), zeroblob(70000));
                """;
            await create.ExecuteNonQueryAsync();
        }

        using var store = new DeadLetterStore(path);
        var letters = await store.ListAsync("a");
        await store.AddAsync([new DeadLetter(T0, "moci/v1/a/senml", "a", "new", [1])]);

        Assert.That(letters.Select(l => l.Id), Is.EqualTo(new long[] { 8, 7 }));
        Assert.That(Encoding.UTF8.GetString(letters[1].Payload), Is.EqualTo("""[{"n":"x"}]"""));
        Assert.That(letters.Select(l => l.PayloadSize), Is.EqualTo(new long[] { 70000, 11 }));
        Assert.That(letters[0].Payload, Has.Length.EqualTo(DeadLetterOptions.DefaultMaxPayloadBytes), "an old payload over the cap is cut too");
        Assert.That(letters[0].Reason, Has.Length.EqualTo(DeadLetterStore.MaxReasonLength + 1).And.EndWith("0…"), "and an old reason too long");
        Assert.That((await store.ListAsync("a")).First().Id, Is.EqualTo(9));
    }

    [Test]
    public async Task ListAsync_Before_PagesBackwards()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync(Enumerable.Range(0, 5).Select(i => OfSize(10, i)).ToList());
        var ids = (await store.ListAsync()).Select(l => l.Id).ToList();

        var page = await store.ListAsync(null, 2, before: ids[1], payloadBytes: 100);

        Assert.That(page.Select(l => l.Id), Is.EqualTo(ids.Skip(2).Take(2)));
    }

    [Test]
    public async Task ListAsync_PayloadBytes_CutsThePayloadButKeepsItsSize()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync([new DeadLetter(T0, "t", "a", "r", Encoding.UTF8.GetBytes("0123456789"))]);

        var cut = (await store.ListAsync("a", 1, before: null, payloadBytes: 3)).Single();
        var none = (await store.ListAsync("a", 1, before: null, payloadBytes: 0)).Single();

        Assert.That(Encoding.UTF8.GetString(cut.Payload), Is.EqualTo("012"));
        Assert.That(none.Payload, Is.Empty);
        Assert.That(new[] { cut.PayloadSize, none.PayloadSize }, Is.All.EqualTo(10));
        Assert.That(none.Reason, Is.EqualTo("r"));
    }

    [Test]
    public async Task GetAsync_GivesOneLetterWithItsStoredPayload()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync([new DeadLetter(T0, "t", "a", "r", [1, 2, 3]), new DeadLetter(T0, "u", "b", "s", [4])]);
        var id = (await store.ListAsync("a")).Single().Id;

        var letter = await store.GetAsync(id);

        Assert.That(letter!.Payload, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(letter.Topic, Is.EqualTo("t"));
        Assert.That(await store.GetAsync(id + 100), Is.Null);
    }

    [Test]
    public async Task ListOldestFirstAsync_PagesForwardThroughOneStation_WithWholePayloads()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        var payload = new byte[20_000];
        payload[^1] = 7;
        await store.AddAsync([
            new DeadLetter(T0, "t", "a", "first", [1]),
            new DeadLetter(T0, "t", "b", "other station", [2]),
            new DeadLetter(T0, "t", "a", "second", [3]),
            new DeadLetter(T0, "t", "a", "third", payload),
        ]);

        var first = await store.ListOldestFirstAsync("a", after: null, limit: 2);
        var next = await store.ListOldestFirstAsync("a", after: first[^1].Id, limit: 2);
        var past = await store.ListOldestFirstAsync("a", after: next[^1].Id, limit: 2);

        Assert.That(first.Select(l => l.Reason), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(next.Single().Payload, Is.EqualTo(payload), "the whole stored payload, not a preview");
        Assert.That(past, Is.Empty);
    }

    [Test]
    public async Task DeleteAsync_RemovesOnlyTheGivenIds_AndCountsThoseFound()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync(Enumerable.Range(0, 4).Select(i => OfSize(10, i)).ToList());
        var ids = (await store.ListAsync()).Select(l => l.Id).ToList();

        var deleted = await store.DeleteAsync([ids[0], ids[2], ids[2], 999]);
        var again = await store.DeleteAsync([ids[0]]);

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(again, Is.Zero);
        Assert.That((await store.ListAsync()).Select(l => l.Id), Is.EqualTo(new[] { ids[1], ids[3] }));
        Assert.That(await store.DroppedAsync(), Is.Zero, "a deletion is not a drop");
    }

    [Test]
    public async Task UpdateReasonsAsync_KeepsIdTimeTopicAndPayload_AndCutsALongReason()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"));
        await store.AddAsync([new DeadLetter(T0, "moci/v1/a/senml", "a", "station 'a' is not registered on this hub", [1, 2]), new DeadLetter(T0, "t", "a", "kept", [3])]);
        var ids = (await store.ListOldestFirstAsync("a", null, 10)).Select(l => l.Id).ToList();

        var updated = await store.UpdateReasonsAsync(new Dictionary<long, string> { [ids[0]] = "'ph' is a water metric", [999] = "none" });
        await store.UpdateReasonsAsync(new Dictionary<long, string> { [ids[1]] = new string('x', 5000) });
        var letters = await store.ListOldestFirstAsync("a", null, 10);

        Assert.That(updated, Is.EqualTo(1));
        Assert.That(letters[0], Is.EqualTo(new DeadLetter(T0, "moci/v1/a/senml", "a", "'ph' is a water metric", [1, 2]) { Id = ids[0] }).UsingPropertiesComparer());
        Assert.That(letters[1].Reason, Has.Length.EqualTo(DeadLetterStore.MaxReasonLength + 1).And.EndWith("x…"));
    }

    [Test]
    public async Task ReplaceAsync_DeletesTheLetterAndAddsItsReplacements_OnlyOnce()
    {
        using var folder = new TempDirectory();
        using var store = new DeadLetterStore(folder.File("hub.db"), new DeadLetterOptions { MaxPayloadBytes = 4 });
        await store.AddAsync([new DeadLetter(T0, "t", "a", "whole message", [1, 2, 3]), new DeadLetter(T0, "t", "a", "untouched", [4])]);
        var ids = (await store.ListOldestFirstAsync("a", null, 10)).Select(l => l.Id).ToList();
        IReadOnlyList<DeadLetter> records = [new DeadLetter(T0, "t", "a", "record 1", [5]), new DeadLetter(T0, "t", "a", "record 2", [6, 7, 8, 9, 10])];

        var replaced = await store.ReplaceAsync(new Dictionary<long, IReadOnlyList<DeadLetter>> { [ids[0]] = records });
        var again = await store.ReplaceAsync(new Dictionary<long, IReadOnlyList<DeadLetter>> { [ids[0]] = records });
        var letters = await store.ListOldestFirstAsync("a", null, 10);

        Assert.That((replaced, again), Is.EqualTo((1, 0)));
        Assert.That(letters.Select(l => l.Reason), Is.EqualTo(new[] { "untouched", "record 1", "record 2" }));
        Assert.That(letters.Skip(1).Select(l => l.Id), Is.All.GreaterThan(ids[1]), "replacements get new ids");
        Assert.That(letters[2].Payload, Is.EqualTo(new byte[] { 6, 7, 8, 9 }), "cut to the cap as any new dead letter");
        Assert.That(letters[2].PayloadSize, Is.EqualTo(5));
    }

    [Test]
    public async Task AddAsync_AfterAnotherProcessDeleted_DropsOnlyWhatNoLongerFits()
    {
        using var folder = new TempDirectory();
        var options = new DeadLetterOptions { MaxPayloadBytes = 100, MaxTotalBytes = 350 };
        using var hub = new DeadLetterStore(folder.File("hub.db"), options);
        await hub.AddAsync([OfSize(100, 0), OfSize(100, 1), OfSize(100, 2)]);
        using (var replay = new DeadLetterStore(folder.File("hub.db"), options))
        {
            var ids = (await replay.ListAsync()).Select(l => l.Id);
            await replay.DeleteAsync(ids.Take(2));
        }

        await hub.AddAsync([OfSize(100, 3), OfSize(100, 4)]);
        var fits = await hub.ListAsync();
        await hub.AddAsync([OfSize(100, 5)]);
        var over = await hub.ListAsync();

        Assert.That(fits.Select(l => l.ReceivedAt), Is.EqualTo(new[] { T0.AddSeconds(4), T0.AddSeconds(3), T0.AddSeconds(0) }),
            "the hub counts what the table holds now, not what it wrote before the other process deleted");
        Assert.That(over.Select(l => l.ReceivedAt), Is.EqualTo(new[] { T0.AddSeconds(5), T0.AddSeconds(4), T0.AddSeconds(3) }));
        Assert.That(await hub.DroppedAsync(), Is.EqualTo(1));
    }
}
