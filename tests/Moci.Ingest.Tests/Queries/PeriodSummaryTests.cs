using Moci.Ingest.Queries;

namespace Moci.Ingest.Tests.Queries;

public sealed class PeriodSummaryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 5, 0, 0, TimeSpan.Zero);

    [TestCase(1.5, 0.25, 3.0, 0.75, null, false)]
    [TestCase(null, null, null, null, 3, true)]
    [TestCase(null, -0.5, 0.0, 0.0, 0, true)]
    [TestCase(0.0, 0.0, 0.0, 1.0, 24, false)]
    public void Properties_ValuesAndNulls_ReadBackAsGiven(double? mean, double? min, double? max, double? coverage, int? validHours, bool incomplete)
    {
        var period = new PeriodSummary(T0, T0.AddHours(1), mean, min, max, 60, 59, coverage, validHours, incomplete);

        Assert.That(
            (period.Start, period.End, period.Mean, period.Min, period.Max, period.Count, period.ValidCount, period.Coverage, period.ValidHours, period.Incomplete),
            Is.EqualTo((T0, T0.AddHours(1), mean, min, max, 60L, 59L, coverage, validHours, incomplete)));
    }

    [Test]
    public void Equals_AbsentAndZero_Differ()
    {
        var zero = new PeriodSummary(T0, T0.AddHours(1), 0, 0, 0, 1, 1, 0, 0, false);
        var absent = new PeriodSummary(T0, T0.AddHours(1), null, null, null, 1, 1, null, null, false);

        Assert.That(absent, Is.Not.EqualTo(zero));
        Assert.That(absent, Is.EqualTo(new PeriodSummary(T0, T0.AddHours(1), null, null, null, 1, 1, null, null, false)));
    }

    [Test]
    public void Start_GivenWithAnOffset_IsTheSameInstantInUtc()
    {
        var tirana = T0.ToOffset(TimeSpan.FromHours(1));

        var period = new PeriodSummary(tirana, tirana.AddHours(1), null, null, null, 0, 0, null, null, true);

        Assert.That((period.Start.Offset, period.Start.UtcDateTime), Is.EqualTo((TimeSpan.Zero, T0.UtcDateTime)));
        Assert.That(period, Is.EqualTo(new PeriodSummary(T0, T0.AddHours(1), null, null, null, 0, 0, null, null, true)), "equal as the instants are");
    }
}
