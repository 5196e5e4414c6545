using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Storage;

public sealed class SqliteRollupReaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private SqliteReadingStore _store = null!;
    private SqliteReadHandles _handles = null!;
    private List<(RollupPeriod Period, long Rows)> _counted = null!;

    [SetUp]
    public async Task SetUp()
    {
        _folder = new TempDirectory();
        _store = new SqliteReadingStore(_folder.File("hub.db"));
        _handles = new SqliteReadHandles(_store.DatabasePath);
        _counted = [];

        // Four hours with two readings each, and another series in the same hours that must not be read.
        await _store.WriteAsync([
            .. Enumerable.Range(0, 8).Select(i => new Reading("s1", "pm10", T0.AddMinutes(30 * i), i)),
            .. Enumerable.Range(0, 8).Select(i => new Reading("s2", "pm10", T0.AddMinutes(30 * i), 100 + i)),
        ]);
    }

    [TearDown]
    public void TearDown()
    {
        _handles.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    private SqliteRollupReader Reader(CancellationToken cancellationToken = default) =>
        new(_handles, RollupPeriod.Hour, "s1", "pm10", T0.ToUnixTimeMilliseconds(), T0.AddHours(3).ToUnixTimeMilliseconds(), (period, rows) => _counted.Add((period, rows)), cancellationToken);

    [Test]
    public async Task Enumerate_Twice_GivesTheRollupsOfTheRangeEachTime()
    {
        var reader = Reader();

        var first = await ToListAsync(reader);
        var second = await ToListAsync(reader);

        var expected = new[]
        {
            new Rollup(T0, 2, 2, 1, 0, 1),
            new Rollup(T0.AddHours(1), 2, 2, 5, 2, 3),
            new Rollup(T0.AddHours(2), 2, 2, 9, 4, 5),
        };
        Assert.That(first, Is.EqualTo(expected), "the fourth hour starts at the end of the range");
        Assert.That(second, Is.EqualTo(expected));
        Assert.That(_counted, Is.EqualTo(new[] { (RollupPeriod.Hour, 3L), (RollupPeriod.Hour, 3L) }));
    }

    [Test]
    public async Task DisposeAsync_AfterTwoRows_CountsThemAndGivesTheHandleBack()
    {
        var pooled = _handles.Rent();
        _handles.Return(pooled);

        await using (var rollups = Reader().GetAsyncEnumerator())
        {
            Assert.That(await rollups.MoveNextAsync(), Is.True);
            Assert.That(await rollups.MoveNextAsync(), Is.True);
        }

        var next = _handles.Rent();
        _handles.Return(next);
        Assert.That(next, Is.SameAs(pooled), "the reader rented the pooled handle and gave it back");
        Assert.That(_counted, Is.EqualTo(new[] { (RollupPeriod.Hour, 2L) }));
    }

    [Test]
    public async Task MoveNextAsync_EnumerationCancelledAfterARow_ThrowsAndStillCountsTheRow()
    {
        using var cancel = new CancellationTokenSource();
        var rollups = Reader().WithCancellation(cancel.Token).GetAsyncEnumerator();
        Assert.That(await rollups.MoveNextAsync(), Is.True);

        await cancel.CancelAsync();

        Assert.That(async () => await rollups.MoveNextAsync(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await rollups.MoveNextAsync(), Is.False, "a failed step ends the enumeration");
        await rollups.DisposeAsync();
        Assert.That(_counted, Is.EqualTo(new[] { (RollupPeriod.Hour, 1L) }));
    }

    [Test]
    public async Task MoveNextAsync_BothTokensGiven_TheReadersTokenStillCancels()
    {
        using var reader = new CancellationTokenSource();
        using var enumeration = new CancellationTokenSource();
        var rollups = Reader(reader.Token).WithCancellation(enumeration.Token).GetAsyncEnumerator();
        Assert.That(await rollups.MoveNextAsync(), Is.True);

        await reader.CancelAsync();

        Assert.That(async () => await rollups.MoveNextAsync(), Throws.InstanceOf<OperationCanceledException>());
        await rollups.DisposeAsync();
    }

    private static async Task<List<Rollup>> ToListAsync(IAsyncEnumerable<Rollup> rollups)
    {
        var list = new List<Rollup>();
        await foreach (var rollup in rollups)
        {
            list.Add(rollup);
        }

        return list;
    }
}
