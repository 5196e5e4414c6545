using System.Runtime.CompilerServices;
using Moci.Ingest.Queries;

namespace Moci.Ingest.Tests.Queries;

public sealed class PeriodListTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PeriodSummary Hour(int i) =>
        new(T0.AddHours(i), T0.AddHours(i + 1), i % 3 == 0 ? null : i, i - 1, i + 1, 60 + i, 45 + (i % 16), (45 + (i % 16)) / 60.0, null, i % 3 == 0);

    [TestCase(0, 0)]
    [TestCase(24, 24)]
    [TestCase(8760, 8760)]
    [TestCase(3, 1000)]
    [TestCase(0, 1500)]
    public void Add_ManyPeriods_IndexerAndEnumeratorGiveThemInOrder(int capacity, int periods)
    {
        var list = new PeriodList(capacity);
        var expected = Enumerable.Range(0, periods).Select(Hour).ToList();

        foreach (var period in expected)
        {
            list.Add(period);
        }

        Assert.That(list, Has.Count.EqualTo(periods));
        Assert.That(list, Is.EqualTo(expected), "enumerated");
        Assert.That(Enumerable.Range(0, periods).Select(i => list[i]), Is.EqualTo(expected), "indexed");
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void Indexer_OutsideTheList_Throws(int index)
    {
        var list = new PeriodList(10);
        list.Add(Hour(0));
        list.Add(Hour(1));

        Assert.That(() => list[index], Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ChunkLength_ChunkStaysBelowTheLargeObjectThreshold()
    {
        // The runtime puts an array of 85 000 bytes or more on the large object heap; a chunk must stay below that.
        var bytes = ((long)PeriodList.ChunkLength * Unsafe.SizeOf<PeriodSummary>()) + IntPtr.Size * 3;

        Assert.That(bytes, Is.LessThan(85_000));
        Assert.That(PeriodList.ChunkLength, Is.GreaterThanOrEqualTo(256), "a year of hours in a few dozen chunks at most");
    }
}
