using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Storage;

public sealed class WriteResultTests
{
    [Test]
    public void Classified_KnownCountsAreTheCounts()
    {
        var conflict = new ReadingConflict(new Reading("a", "ph", DateTimeOffset.UnixEpoch, 7), new Reading("a", "ph", DateTimeOffset.UnixEpoch, 8));
        var result = new WriteResult(3, 2) { Conflicts = [conflict] };

        Assert.That((result.DuplicatesKnown, result.KnownDuplicates, result.KnownConflicts, result.Written), Is.EqualTo((true, (int?)2, (int?)1, 6)));
    }

    [Test]
    public void Default_IsClassifiedAndEmpty()
    {
        Assert.That((default(WriteResult).DuplicatesKnown, default(WriteResult).Written), Is.EqualTo((true, 0)));
    }

    [Test]
    public void Unclassified_CountsEveryReadingAndKnowsNoDuplicatesOrConflicts()
    {
        var result = WriteResult.Unclassified(5);

        Assert.That((result.Inserted, result.Written, result.DuplicatesKnown, result.KnownDuplicates, result.KnownConflicts), Is.EqualTo((5, 5, false, (int?)null, (int?)null)));
        Assert.That(result, Is.Not.EqualTo(new WriteResult(5, 0)), "\"5 new, none duplicated\" is another statement");
    }

    [Test]
    public void Unclassified_NegativeCount_Throws()
    {
        Assert.That(() => WriteResult.Unclassified(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
