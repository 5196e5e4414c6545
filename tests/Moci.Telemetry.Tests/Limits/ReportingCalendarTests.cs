using System.Globalization;
using Moci.Telemetry.Limits;

namespace Moci.Telemetry.Tests.Limits;

public sealed class ReportingCalendarTests
{
    [Test]
    public void Default_IsCentralEuropeanTimeWithoutSummerTime()
    {
        Assert.That(ReportingCalendar.Default.UtcOffset, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(ReportingCalendar.Default.ToString(), Is.EqualTo("UTC+01:00"));
    }

    [Test]
    public void Year_AtCet_RunsFrom23hUtcOnNewYearsEve()
    {
        var (from, to) = ReportingCalendar.Default.Year(2025);

        Assert.That(from, Is.EqualTo(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.That(to, Is.EqualTo(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("2025-01-01T22:59:59Z", "2025-01-01")]
    [TestCase("2025-01-01T23:00:00Z", "2025-01-02")]
    [TestCase("2025-07-01T22:30:00Z", "2025-07-01")]
    public void DayOf_CutsDaysAt23hUtcAllYear(string instant, string day)
    {
        // In July Albania's clocks read 00:30 on 2 July at 22:30Z, but the reporting day stays on UTC+01:00.
        Assert.That(ReportingCalendar.Default.DayOf(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)), Is.EqualTo(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Test]
    public void DayOf_Utc_CutsDaysAtMidnightUtc()
    {
        Assert.That(ReportingCalendar.Utc.DayOf(DateTimeOffset.Parse("2025-01-01T23:00:00Z", CultureInfo.InvariantCulture)), Is.EqualTo(new DateOnly(2025, 1, 1)));
    }

    [TestCase("2025-03-01T23:00:00Z", true)]
    [TestCase("2025-03-01T00:00:00Z", false)]
    public void IsDayStart_AtCet_OnlyAt23hUtc(string instant, bool start)
    {
        Assert.That(ReportingCalendar.Default.IsDayStart(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)), Is.EqualTo(start));
    }

    [TestCase(2024, 366)]
    [TestCase(2025, 365)]
    public void DaysIn_CountsLeapYears(int year, int days)
    {
        Assert.That(ReportingCalendar.DaysIn(year), Is.EqualTo(days));
    }

    [TestCase(5.5)]
    [TestCase(15)]
    [TestCase(-13)]
    public void Constructor_OffsetNotWholeHoursInRange_Throws(double hours)
    {
        Assert.That(() => new ReportingCalendar(TimeSpan.FromHours(hours)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("whole hours"));
    }

    [Test]
    public void ToString_NegativeOffset_IsSigned()
    {
        Assert.That(new ReportingCalendar(TimeSpan.FromHours(-5)).ToString(), Is.EqualTo("UTC−05:00"));
    }
}
