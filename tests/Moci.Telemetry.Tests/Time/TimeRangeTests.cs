using Moci.Telemetry.Time;

namespace Moci.Telemetry.Tests.Time;

public sealed class TimeRangeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Contains_From_IsInside_To_IsOutside()
    {
        var range = new TimeRange(T0, T0.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(range.Contains(T0), Is.True, "from belongs to [from, to)");
            Assert.That(range.Contains(T0.AddHours(1).AddTicks(-1)), Is.True, "the last tick before to belongs to it");
            Assert.That(range.Contains(T0.AddHours(1)), Is.False, "to does not");
            Assert.That(range.Contains(T0.AddTicks(-1)), Is.False, "nor the tick before from");
        });
    }

    [Test]
    public void Constructor_ToNotAfterFrom_RejectsWithTheBothEnds()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new TimeRange(T0, T0));
        Assert.That(error!.Message, Does.Contain("2026-11-25T08:00:00.000Z"));
    }

    [Test]
    public void Constructor_OffsetGiven_StoresUtcSoEqualSpansCompareEqual()
    {
        var tirane = new TimeRange(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)));

        Assert.That(tirane, Is.EqualTo(new TimeRange(T0, T0.AddHours(1))));
        Assert.That(tirane.From.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Hours_SplitsAtUtcHoursAndKeepsTheCutEnds()
    {
        var range = new TimeRange(T0.AddMinutes(30), T0.AddHours(2).AddMinutes(15));

        Assert.That(range.Hours(), Is.EqualTo(new[]
        {
            new TimeRange(T0.AddMinutes(30), T0.AddHours(1)),
            new TimeRange(T0.AddHours(1), T0.AddHours(2)),
            new TimeRange(T0.AddHours(2), T0.AddHours(2).AddMinutes(15)),
        }));
    }

    [Test]
    public void Days_ConsecutiveParts_MeetWithoutOverlapOrGap()
    {
        var range = new TimeRange(T0, T0.AddDays(3).AddHours(5));

        var days = range.Days().ToList();

        Assert.That(days, Has.Count.EqualTo(4));
        Assert.That(days.Zip(days.Skip(1)).All(p => p.First.To == p.Second.From), Is.True);
        Assert.That(days.Sum(d => d.Duration.Ticks), Is.EqualTo(range.Duration.Ticks));
    }

    [Test]
    public void Widen_OnBoundaries_StaysAsItIs()
    {
        var range = new TimeRange(T0, T0.AddHours(3));

        Assert.That(range.Widen(TimeRange.Hour), Is.EqualTo(range));
    }

    [Test]
    public void Widen_InsideHours_RoundsFromDownAndToUp()
    {
        var range = new TimeRange(T0.AddMinutes(1), T0.AddHours(2).AddTicks(1));

        Assert.That(range.Widen(TimeRange.Hour), Is.EqualTo(new TimeRange(T0, T0.AddHours(3))));
        var midnight = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        Assert.That(range.Widen(TimeRange.Day), Is.EqualTo(new TimeRange(midnight, midnight.AddDays(1))));
    }

    [TestCase(0, 60, 1)]
    [TestCase(0, 61, 2)]
    [TestCase(59, 61, 2)]
    [TestCase(30, 30 + 24 * 60, 25)]
    public void CountPeriods_CountsPartlyCoveredHoursAtEitherEnd(int fromMinute, int toMinute, long hours)
    {
        var range = new TimeRange(T0.AddMinutes(fromMinute), T0.AddMinutes(toMinute));

        Assert.That(range.CountPeriods(TimeRange.Hour), Is.EqualTo(hours));
    }

    [Test]
    public void Widen_PeriodNotDividingADay_Rejects()
    {
        var range = new TimeRange(T0, T0.AddHours(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => range.Widen(TimeSpan.FromHours(7)));
    }

    [TestCase("24h", 24 * 60)]
    [TestCase("7d", 7 * 24 * 60)]
    [TestCase("30D", 30 * 24 * 60)]
    public void TryParseLast_Length_EndsAtTheEnd(string length, int minutes)
    {
        Assert.That(TimeRange.TryParseLast(length, Now, out var range), Is.True);
        Assert.That(range, Is.EqualTo(new TimeRange(Now.AddMinutes(-minutes), Now)));
    }

    [Test]
    public void TryParseLast_OneYearOverALeapDay_Lasts366Days()
    {
        var end = new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.That(TimeRange.TryParseLast("1y", end, out var range), Is.True);
        Assert.That(range.Duration, Is.EqualTo(TimeSpan.FromDays(366)));
    }

    [TestCase("")]
    [TestCase("h")]
    [TestCase("0d")]
    [TestCase("-1d")]
    [TestCase("7w")]
    [TestCase("1.5d")]
    public void TryParseLast_NotALength_Fails(string length)
    {
        Assert.That(TimeRange.TryParseLast(length, Now, out _), Is.False);
    }

    [Test]
    public void TryParse_NothingGiven_IsTheDefaultLengthBeforeNow()
    {
        Assert.That(TimeRange.TryParse(null, null, null, Now, TimeSpan.FromHours(24), out var range, out var errors), Is.True);
        Assert.That(range, Is.EqualTo(new TimeRange(Now.AddHours(-24), Now)));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void TryParse_FromAndToWithOffsets_IsTheUtcRange()
    {
        Assert.That(TimeRange.TryParse("2026-11-25T09:00:00+01:00", "2026-11-25T10:00:00", null, Now, TimeSpan.FromHours(24), out var range, out _), Is.True);
        Assert.That(range, Is.EqualTo(new TimeRange(T0, T0.AddHours(2))), "a time without an offset is UTC");
    }

    [Test]
    public void TryParse_FromEqualToTo_NamesToAndTheHalfOpenRule()
    {
        Assert.That(TimeRange.TryParse("2026-11-25T08:00:00Z", "2026-11-25T08:00:00Z", null, Now, TimeSpan.FromHours(24), out _, out var errors), Is.False);
        Assert.That(errors["to"], Does.Contain("half-open"));
    }

    [Test]
    public void TryParse_FromAndRangeBoth_NamesRange()
    {
        Assert.That(TimeRange.TryParse("2026-11-25T08:00:00Z", null, "7d", Now, TimeSpan.FromHours(24), out _, out var errors), Is.False);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "range" }));
    }

    [Test]
    public void TryParse_GarbledInstantAndLength_NamesEach()
    {
        Assert.That(TimeRange.TryParse(null, "yesterday", null, Now, TimeSpan.FromHours(24), out _, out var errors), Is.False);
        Assert.That(errors["to"], Does.Contain("ISO 8601"));
        Assert.That(TimeRange.TryParse(null, null, "a week", Now, TimeSpan.FromHours(24), out _, out errors), Is.False);
        Assert.That(errors["range"], Does.Contain("24h, 7d, 30d or 1y"));
    }

    [Test]
    public void TryParse_DefaultBeforeTheEarliestDate_NamesTo()
    {
        Assert.That(TimeRange.TryParse(null, "0001-01-01T01:00:00Z", null, Now, TimeSpan.FromHours(24), out _, out var errors), Is.False);
        Assert.That(errors["to"], Does.Contain("give 'from' as well"));
    }

    [Test]
    public void ToString_IsHalfOpenNotation()
    {
        Assert.That(new TimeRange(T0, T0.AddHours(1)).ToString(), Is.EqualTo("[2026-11-25T08:00:00.000Z, 2026-11-25T09:00:00.000Z)"));
    }
}
