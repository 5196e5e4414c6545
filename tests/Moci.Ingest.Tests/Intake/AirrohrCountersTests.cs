using Moci.Ingest.Intake;

namespace Moci.Ingest.Tests.Intake;

public sealed class AirrohrCountersTests
{
    private static AirrohrAcceptance Acceptance(int ignoredValues, params string[] ignored) =>
        new(new IntakeItem("rrg-school-01", null, [], []), null, null, ignored, ignoredValues);

    [Test]
    public void Accepted_CountsBodiesIgnoredValuesAndEachIgnoredTypeOncePerBody()
    {
        var counters = new AirrohrCounters();

        counters.Accepted(Acceptance(3, "samples", "signal"));
        counters.Accepted(Acceptance(1, "signal"));
        counters.Rejected();
        var totals = counters.Snapshot();

        Assert.Multiple(() =>
        {
            Assert.That(totals.BodiesAccepted, Is.EqualTo(2));
            Assert.That(totals.BodiesRejected, Is.EqualTo(1));
            Assert.That(totals.ValuesIgnored, Is.EqualTo(4));
            Assert.That(totals.IgnoredTypes, Is.EqualTo(new Dictionary<string, long> { ["samples"] = 1, ["signal"] = 2 }));
        });
    }

    [Test]
    public void Accepted_ManyDistinctTypes_AreNamedUpToTheCapAndAllCountedInTheTotal()
    {
        var counters = new AirrohrCounters();
        var types = Enumerable.Range(0, AirrohrCounters.MaxIgnoredTypes + 50).Select(i => $"X{i}").ToArray();

        counters.Accepted(Acceptance(types.Length, types));
        counters.Accepted(Acceptance(1, "X0"));
        var totals = counters.Snapshot();

        Assert.That(totals.IgnoredTypes, Has.Count.EqualTo(AirrohrCounters.MaxIgnoredTypes));
        Assert.That(totals.IgnoredTypes["X0"], Is.EqualTo(2));
        Assert.That(totals.ValuesIgnored, Is.EqualTo(types.Length + 1));
    }
}
