using Moci.Kit.Publishing;

namespace Moci.Kit.Tests.Publishing;

public sealed class OutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Add_AssignsIncreasingSequenceNumbers()
    {
        var outbox = new Outbox(10);

        var sequences = Enumerable.Range(0, 3).Select(_ => outbox.Add([1], 1).Sequence).ToList();

        Assert.That(sequences, Is.EqualTo(new[] { 1L, 2, 3 }));
        Assert.That(outbox.Depth, Is.EqualTo(3));
    }

    [Test]
    public void Acknowledge_RemovesOnlyThatBatch_NotTheOnesBeforeIt()
    {
        var outbox = new Outbox(10);
        for (var i = 0; i < 5; i++)
        {
            outbox.Add([1], 1);
        }

        var removed = outbox.Acknowledge(3);

        Assert.That(removed, Is.True);
        Assert.That(outbox.Due(Now, TimeSpan.FromSeconds(30)).Select(b => b.Sequence), Is.EqualTo(new[] { 1L, 2, 4, 5 }));
        Assert.That(outbox.Acknowledged, Is.EqualTo(1));
    }

    [Test]
    public void Acknowledge_UnknownOrRepeatedSequence_ChangesNothing()
    {
        var outbox = new Outbox(10);
        outbox.Add([1], 1);
        outbox.Acknowledge(1);

        Assert.That(outbox.Acknowledge(1), Is.False);
        Assert.That(outbox.Acknowledge(99), Is.False);
        Assert.That(outbox.Acknowledged, Is.EqualTo(1));
    }

    [Test]
    public void Add_BeyondCapacity_DropsTheOldestAndCountsIt()
    {
        var outbox = new Outbox(2);

        outbox.Add([1], 1);
        outbox.Add([2], 1);
        outbox.Add([3], 1);

        Assert.That(outbox.Dropped, Is.EqualTo(1));
        Assert.That(outbox.Due(Now, TimeSpan.Zero).Select(b => b.Sequence), Is.EqualTo(new[] { 2L, 3 }));
    }

    [Test]
    public void Due_SentBatchesWaitForTheAckTimeout_UnlessResendAll()
    {
        var outbox = new Outbox(10);
        outbox.Add([1], 1).SentAt = Now;
        outbox.Add([2], 1);

        Assert.That(outbox.Due(Now.AddSeconds(29), TimeSpan.FromSeconds(30)).Select(b => b.Sequence), Is.EqualTo(new[] { 2L }));
        Assert.That(outbox.Due(Now.AddSeconds(30), TimeSpan.FromSeconds(30)).Select(b => b.Sequence), Is.EqualTo(new[] { 1L, 2 }));

        outbox.ResendAll();
        Assert.That(outbox.Due(Now, TimeSpan.FromSeconds(30)), Has.Count.EqualTo(2));
    }
}
