using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class TimeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeRules Rules = TimeRules.Default;

    private static double Seconds(DateTimeOffset instant) => SenMLTime.ToSeconds(instant);

    [Test]
    public void Default_FiveMinutesAheadThirtyDaysBack()
    {
        Assert.That(Rules.FutureTolerance, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(Rules.BackfillWindow, Is.EqualTo(TimeSpan.FromDays(30)));
    }

    [TestCase(0)]
    [TestCase(-1000)]
    [TestCase(300_000)]
    [TestCase(-30 * 86_400_000L)]
    public void TryCheck_InsideTheWindow_PassesWithTheInstant(long offsetMilliseconds)
    {
        var at = Now.AddMilliseconds(offsetMilliseconds);

        Assert.That(Rules.TryCheck(Seconds(at), Now, out var instant, out _, out var reason), Is.True, reason);
        Assert.That(instant, Is.EqualTo(at));
    }

    [Test]
    public void TryCheck_OneMillisecondPastTheTolerance_IsFuture()
    {
        var ok = Rules.TryCheck(Seconds(Now.AddMinutes(5).AddMilliseconds(1)), Now, out _, out var kind, out var reason);

        Assert.That(ok, Is.False);
        Assert.That(kind, Is.EqualTo(RejectionKind.Future));
        Assert.That(reason, Is.EqualTo(
            "time 2026-11-25T12:05:00.001Z is in the future, more than 5 minutes ahead of the hub's clock (2026-11-25T12:00:00.000Z); check the station's clock (e.g. NTP)"));
    }

    [Test]
    public void TryCheck_OneMillisecondBeforeTheBackfillWindow_IsTooOld()
    {
        var ok = Rules.TryCheck(Seconds(Now.AddDays(-30).AddMilliseconds(-1)), Now, out _, out var kind, out var reason);

        Assert.That(ok, Is.False);
        Assert.That(kind, Is.EqualTo(RejectionKind.TooOld));
        Assert.That(reason, Does.StartWith("time 2026-10-26T11:59:59.999Z is older than the backfill window of 30 days"));
    }

    [TestCase(946684799.999, "time 1999-12-31T23:59:59.999Z is before 2000-01-01T00:00:00Z")]
    [TestCase(0, "time 1970-01-01T00:00:00.000Z is before 2000-01-01T00:00:00Z")]
    [TestCase(-1e15, "time -1000000000000000 s since 1970-01-01T00:00:00Z (outside the years 1-9999) is before 2000-01-01T00:00:00Z")]
    [TestCase(-1e308, "time -1E+308 s since")]
    [TestCase(double.NegativeInfinity, "time -")]
    [TestCase(double.NaN, "time NaN s since")]
    public void TryCheck_BeforeTheYear2000_IsBefore2000EvenWhenNoInstantHoldsIt(double seconds, string reason)
    {
        var rules = new TimeRules(TimeSpan.FromMinutes(5), TimeSpan.FromDays(3650 * 3));

        var ok = rules.TryCheck(seconds, Now, out _, out var kind, out var text);

        Assert.That(ok, Is.False);
        Assert.That(kind, Is.EqualTo(RejectionKind.Before2000));
        Assert.That(text, Does.StartWith(reason));
    }

    [TestCase(1e308, "time 1E+308 s since 1970-01-01T00:00:00Z (outside the years 1-9999) is in the future")]
    [TestCase(253402300800, "time 253402300800 s since")]
    [TestCase(4102444800, "time 2100-01-01T00:00:00.000Z is in the future")]
    [TestCase(double.PositiveInfinity, "time Infinity s since")]
    public void TryCheck_FarFuture_IsFutureEvenWhenNoInstantHoldsIt(double seconds, string reason)
    {
        var ok = Rules.TryCheck(seconds, Now, out _, out var kind, out var text);

        Assert.That(ok, Is.False);
        Assert.That(kind, Is.EqualTo(RejectionKind.Future));
        Assert.That(text, Does.StartWith(reason));
    }

    [Test]
    public void TryCheck_HugeToleranceAndWindow_NeverOverflows()
    {
        var rules = new TimeRules(TimeSpan.MaxValue, TimeSpan.MaxValue);

        Assert.That(rules.TryCheck(253402300799.999, Now, out var latest, out _, out _), Is.True);
        Assert.That(rules.TryCheck(946684800, Now, out var earliest, out _, out _), Is.True);
        Assert.That(rules.TryCheck(1e308, Now, out _, out var kind, out _), Is.False);
        Assert.That((latest, earliest, kind), Is.EqualTo((DateTimeOffset.MaxValue.AddTicks(-9999), TimeRules.Earliest, RejectionKind.Future)));
    }

    [Test]
    public void Constructor_NegativeDuration_Throws()
    {
        Assert.That(() => new TimeRules(TimeSpan.FromSeconds(-1), TimeSpan.FromDays(1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new TimeRules(TimeSpan.Zero, TimeSpan.FromDays(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
