using Moci.Telemetry.Limits;
using Moci.Telemetry.Tests.Support;

namespace Moci.Telemetry.Tests.Limits;

public sealed class ExceedanceCounterTests
{
    // Directive 2008/50/EC Annex XI B: PM10, one day, "50 µg/m3, not to be exceeded more than 35 times a calendar year".
    private static readonly LimitValue Pm10Daily2008 = LimitSets.Eu2008.Find(AirPollutants.Pm10, AveragingPeriod.OneDay)!;

    // Directive 2008/50/EC Annex XI B: NO2, one hour, "200 µg/m3, not to be exceeded more than 18 times a calendar year".
    private static readonly LimitValue No2Hourly2008 = LimitSets.Eu2008.Find(AirPollutants.No2, AveragingPeriod.OneHour)!;

    // Directive 2008/50/EC Annex XI B: PM10, calendar year, 40 µg/m3.
    private static readonly LimitValue Pm10Annual2008 = LimitSets.Eu2008.Find(AirPollutants.Pm10, AveragingPeriod.CalendarYear)!;

    private static readonly DateTimeOffset Year2025 = new(2024, 12, 31, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public void Count_ThirtySixDaysAbove50_ExceedsThePm10DailyLimit()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i < 36 ? 51 : 20));

        Assert.That(result.Exceedances, Is.EqualTo(36));
        Assert.That(result.Permitted, Is.EqualTo(35));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Exceeded));
        Assert.That(result.Explanation, Does.StartWith("36 days above 50 µg/m³ (PM10, 1 day) in 2025, 35 permitted").And.EndWith("the limit value is exceeded."));
    }

    [Test]
    public void Count_ThirtyFiveDaysAbove50_MeetsThePm10DailyLimit()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i < 35 ? 51 : 20));

        Assert.That(result.Exceedances, Is.EqualTo(35));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Met));
        Assert.That(result.IsCoverageEnough, Is.True);
    }

    [Test]
    public void Count_DaysExactlyAtTheLimit_AreNotExceedances()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, _ => 50.0));

        Assert.That(result.Exceedances, Is.Zero);
    }

    [Test]
    public void Count_ListsTheExceedingDaysInOrder()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i is 40 or 3 ? 80 : 10));

        Assert.That(result.ExceedingPeriods, Is.EqualTo(new[]
        {
            new ExceedingPeriod(Year2025.AddDays(3), 80),
            new ExceedingPeriod(Year2025.AddDays(40), 80),
        }));
    }

    // Directive 2008/50/EC Annex XI A: a daily value needs 75 % of the hourly averages, at least 18 hours.
    [Test]
    public void Count_DayWith17ValidHours_IsNeitherCountedNorValid()
    {
        var days = Aggregates.Days(2025, i => i == 0 ? null : 10)
            .Append(PeriodAggregate.Day(Year2025, 90, 17));

        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, days);

        Assert.That(result.Exceedances, Is.Zero);
        Assert.That(result.IncompletePeriods, Is.EqualTo(1));
        Assert.That(result.ValidPeriods, Is.EqualTo(364));
    }

    [Test]
    public void Count_DayWith18ValidHours_IsCounted()
    {
        var days = Aggregates.Days(2025, i => i == 0 ? null : 10)
            .Append(PeriodAggregate.Day(Year2025, 90, 18));

        Assert.That(ExceedanceCounter.Count(Pm10Daily2008, 2025, days).Exceedances, Is.EqualTo(1));
    }

    [TestCase(329, LimitVerdict.Met)]
    [TestCase(328, LimitVerdict.InsufficientData)]
    public void Count_Eu2008_Needs90PercentOfTheYearsDays(int validDays, LimitVerdict verdict)
    {
        // 2008/50/EC Annex I and XI A: 90 % data capture; 90 % of 365 days is 328.5.
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i < validDays ? 20 : null));

        Assert.That(result.Verdict, Is.EqualTo(verdict));
        Assert.That(result.CoverageOfYear.RequiredCount, Is.EqualTo(329));
        Assert.That(result.PeriodsInYear, Is.EqualTo(365));
    }

    [TestCase(311, LimitVerdict.Met)]
    [TestCase(310, LimitVerdict.InsufficientData)]
    public void Count_Eu2030_Needs85PercentOfTheYearsDays(int validDays, LimitVerdict verdict)
    {
        // (EU) 2024/2881 Annex I: PM10, one day, 45 µg/m3, 18 times; Annex V: 85 % data coverage of 365 days is 310.25.
        var limit = LimitSets.Eu2030.Find(AirPollutants.Pm10, AveragingPeriod.OneDay)!;

        var result = ExceedanceCounter.Count(limit, 2025, Aggregates.Days(2025, i => i < validDays ? 20 : null));

        Assert.That(result.Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void Count_TooLittleData_SaysWhatIsMissing()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i < 200 ? 20 : null));

        Assert.That(result.IsCoverageEnough, Is.False);
        Assert.That(result.Explanation, Does.Contain("200 of 365 days valid, 329 needed (90 %)").And.Contain("too little data"));
    }

    [Test]
    public void Count_MorePeriodsAboveThanPermitted_IsExceededWhateverTheMissingDataHolds()
    {
        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, Aggregates.Days(2025, i => i < 100 ? (i < 40 ? 70 : 20) : null));

        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Exceeded));
        Assert.That(result.IsCoverageEnough, Is.False);
    }

    [Test]
    public void Count_YearInProgress_JudgesTheDaysSoFarAndLeavesOutTheRest()
    {
        // 100 days of 2025 have ended at 11 April 00:00 CET; a high day after that is not counted yet.
        var asOf = Year2025.AddDays(100);
        var days = Aggregates.Days(2025, i => i < 100 ? 20 : i == 150 ? 99 : null);

        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, days, new ExceedanceOptions { AsOf = asOf });

        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.NotExceededSoFar));
        Assert.That(result.Exceedances, Is.Zero);
        Assert.That(result.ElapsedPeriods, Is.EqualTo(100));
        Assert.That(result.CoverageSoFar.IsComplete, Is.True);
        Assert.That(result.CoverageOfYear.IsComplete, Is.False);
        Assert.That(result.IsCoverageEnough, Is.True);
        Assert.That(result.Explanation, Does.Contain("100 of the 100 days up to 2025-04-10 23:00Z valid"));
    }

    [Test]
    public void Count_DayStillRunning_IsLeftOut()
    {
        var hours = Aggregates.Hours(Year2025, 36, _ => 80);

        var result = ExceedanceCounter.Count(Pm10Daily2008, 2025, hours, new ExceedanceOptions { AsOf = Year2025.AddHours(36) });

        Assert.That(result.Exceedances, Is.EqualTo(1), "only 1 January has ended");
        Assert.That(result.ElapsedPeriods, Is.EqualTo(1));
    }

    [Test]
    public void Count_YearNotBegun_Throws()
    {
        Assert.That(() => ExceedanceCounter.Count(Pm10Daily2008, 2026, [], new ExceedanceOptions { AsOf = Year2025.AddDays(10) }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("the year 2026 begins 2025-12-31T23:00:00"));
    }

    [Test]
    public void Count_HourlyAggregatesForADailyLimit_AreMadeIntoCetDays()
    {
        // 24 hours at 60 from 1 January 23:00Z: one whole CET day (2 January), but parts of two UTC days.
        var hours = Aggregates.Hours(Year2025.AddDays(1), 24, _ => 60).ToList();

        var cet = ExceedanceCounter.Count(Pm10Daily2008, 2025, hours);
        var utc = ExceedanceCounter.Count(Pm10Daily2008, 2025, hours, new ExceedanceOptions { Calendar = ReportingCalendar.Utc });

        Assert.That(cet.ExceedingPeriods.Single().Start, Is.EqualTo(Year2025.AddDays(1)));
        Assert.That(utc.Exceedances, Is.EqualTo(1), "2 January UTC holds 23 of the hours");
        Assert.That(utc.IncompletePeriods, Is.EqualTo(1), "1 January UTC holds one hour");
    }

    // The directives' time base is Central European Time (2008/50/EC Annex VII): 2024-12-31T23:00Z is 2025-01-01 00:00 CET.
    [Test]
    public void Count_HourAt23hUtcOnNewYearsEve_BelongsToTheNextYearAtCet()
    {
        var hour = Aggregates.FullHour(Year2025, 250);

        Assert.That(ExceedanceCounter.Count(No2Hourly2008, 2025, [hour]).Exceedances, Is.EqualTo(1));
        Assert.That(ExceedanceCounter.Count(No2Hourly2008, 2024, [hour]).Exceedances, Is.Zero);
        Assert.That(ExceedanceCounter.Count(No2Hourly2008, 2024, [hour], new ExceedanceOptions { Calendar = ReportingCalendar.Utc }).Exceedances,
            Is.EqualTo(1));
    }

    // Directive 2008/50/EC Annex XI B: NO2, one hour, 200 µg/m3, not to be exceeded more than 18 times a calendar year.
    [Test]
    public void Count_NineteenHoursAbove200_ExceedsTheNo2HourlyLimit()
    {
        var hours = Aggregates.Hours(Year2025, 24 * 365, i => i % 100 == 0 && i < 1900 ? 201 : 40);

        var result = ExceedanceCounter.Count(No2Hourly2008, 2025, hours);

        Assert.That(result.Exceedances, Is.EqualTo(19));
        Assert.That(result.Resolution, Is.EqualTo(AggregateResolution.Hour));
        Assert.That(result.PeriodsInYear, Is.EqualTo(8760));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Exceeded));
    }

    // Directive 2008/50/EC Annex XI A: an hourly value needs 75 % of the hour, 45 minutes.
    [Test]
    public void Count_HourWith44Minutes_IsNotCounted()
    {
        var hour = PeriodAggregate.Hour(Year2025, 400, 44, 60);

        var result = ExceedanceCounter.Count(No2Hourly2008, 2025, [hour]);

        Assert.That(result.Exceedances, Is.Zero);
        Assert.That(result.IncompletePeriods, Is.EqualTo(1));
    }

    [TestCase(3, LimitVerdict.Met)]
    [TestCase(4, LimitVerdict.Exceeded)]
    public void Count_WhoDailyPm25_AllowsThreeDaysAbove15(int daysAbove, LimitVerdict verdict)
    {
        // WHO 2021 AQG: PM2.5 24-hour 15 µg/m³ as the 99th percentile, "3–4 exceedance days per year".
        var limit = LimitSets.Who2021.Find(AirPollutants.Pm2_5, AveragingPeriod.OneDay)!;

        var result = ExceedanceCounter.Count(limit, 2025, Aggregates.Days(2025, i => i < daysAbove ? 16 : 5));

        Assert.That(result.Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void Count_MaximumDailyEightHourLimitFromHours_UsesTheDailyMaxima()
    {
        // 2008/50/EC Annex XI B: CO, maximum daily eight-hour mean, 10 mg/m3 (no exceedance permitted).
        var limit = LimitSets.Eu2008.Find(AirPollutants.Co, AveragingPeriod.MaximumDailyEightHourMean)!;
        var hours = Aggregates.Hours(Year2025, 48, i => i is >= 30 and < 38 ? 11 : 1);

        var result = ExceedanceCounter.Count(limit, 2025, hours);

        Assert.That(result.ExceedingPeriods.Select(p => p.Start), Is.EqualTo(new[] { Year2025.AddDays(1) }));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Exceeded));
    }

    [Test]
    public void Count_DailyAggregateAtUtcMidnight_ThrowsPointingToFromHourly()
    {
        var day = PeriodAggregate.Day(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), 10, 24);

        Assert.That(() => ExceedanceCounter.Count(Pm10Daily2008, 2025, [day]),
            Throws.ArgumentException.With.Message.Contains("does not start at midnight UTC+01:00").And.Message.Contains("DailyMeans.FromHourly"));
    }

    [Test]
    public void Count_HoursAndDaysMixed_Throws()
    {
        PeriodAggregate[] periods = [Aggregates.FullHour(Year2025, 1), PeriodAggregate.Day(Year2025, 1, 24)];

        Assert.That(() => ExceedanceCounter.Count(Pm10Daily2008, 2025, periods), Throws.ArgumentException.With.Message.Contains("mix"));
    }

    [Test]
    public void Count_SameDayTwice_Throws()
    {
        var day = PeriodAggregate.Day(Year2025, 10, 24);

        Assert.That(() => ExceedanceCounter.Count(Pm10Daily2008, 2025, [day, day]), Throws.ArgumentException.With.Message.Contains("two daily aggregates"));
    }

    [Test]
    public void Count_AnnualLimit_ThrowsPointingToCompareAnnualMean()
    {
        Assert.That(() => ExceedanceCounter.Count(Pm10Annual2008, 2025, []),
            Throws.ArgumentException.With.Message.Contains("CompareAnnualMean"));
    }

    [Test]
    public void Count_PeakSeason_IsNotSupported()
    {
        var limit = LimitSets.Who2021.Find(AirPollutants.O3, AveragingPeriod.PeakSeason)!;

        Assert.That(() => ExceedanceCounter.Count(limit, 2025, []), Throws.InstanceOf<NotSupportedException>());
    }

    [Test]
    public void Count_LimitOfAnUnknownSet_NeedsAnAnnualRule()
    {
        var own = Pm10Daily2008 with { SetId = "school" };

        Assert.That(() => ExceedanceCounter.Count(own, 2025, []), Throws.ArgumentException.With.Message.Contains("AnnualCoverage"));
        var result = ExceedanceCounter.Count(own, 2025, Aggregates.Days(2025, _ => 10),
            new ExceedanceOptions { AnnualCoverage = LimitSets.Eu2008.AnnualCoverage });
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Met));
    }

    [Test]
    public void CompareAnnualMean_HourlyYearAt41_ExceedsThePm10AnnualLimit()
    {
        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, Aggregates.Hours(Year2025, 8760, _ => 41));

        Assert.That(result.Mean, Is.EqualTo(41));
        Assert.That(result.Resolution, Is.EqualTo(AggregateResolution.Hour));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Exceeded));
        Assert.That(result.Explanation, Does.StartWith("mean 41 µg/m³ in 2025 against 40 µg/m³ (PM10, calendar year)"));
    }

    [Test]
    public void CompareAnnualMean_MeanEqualToTheLimit_IsMet()
    {
        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, Aggregates.Days(2025, i => i % 2 == 0 ? 30 : 50).Skip(1));

        Assert.That(result.Mean, Is.EqualTo(40));
        Assert.That(result.Resolution, Is.EqualTo(AggregateResolution.Day));
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.Met));
    }

    // 2008/50/EC Annex XI A and Annex I: 90 % of the year's 8760 hours is 7884.
    [TestCase(7884, LimitVerdict.Met)]
    [TestCase(7883, LimitVerdict.InsufficientData)]
    public void CompareAnnualMean_Eu2008_Needs90PercentOfTheHours(int validHours, LimitVerdict verdict)
    {
        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, Aggregates.Hours(Year2025, validHours, _ => 20));

        Assert.That(result.Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void CompareAnnualMean_IncompleteHours_AreLeftOutOfTheMean()
    {
        var hours = Aggregates.Hours(Year2025, 8760, i => i == 0 ? null : 20)
            .Append(PeriodAggregate.Hour(Year2025, 5000, 44, 60));

        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, hours);

        Assert.That(result.Mean, Is.EqualTo(20));
        Assert.That(result.IncompletePeriods, Is.EqualTo(1));
    }

    [Test]
    public void CompareAnnualMean_YearInProgressAboveTheLimit_IsExceededSoFar()
    {
        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, Aggregates.Hours(Year2025, 1000, _ => 45),
            new ExceedanceOptions { AsOf = Year2025.AddHours(1000) });

        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.ExceededSoFar));
        Assert.That(result.ElapsedPeriods, Is.EqualTo(1000));
    }

    [Test]
    public void CompareAnnualMean_NoData_HasNoMeanAndTooLittleData()
    {
        var result = ExceedanceCounter.CompareAnnualMean(Pm10Annual2008, 2025, []);

        Assert.That(result.Mean, Is.Null);
        Assert.That(result.Verdict, Is.EqualTo(LimitVerdict.InsufficientData));
    }

    [Test]
    public void CompareAnnualMean_ShortTermLimit_ThrowsPointingToCount()
    {
        Assert.That(() => ExceedanceCounter.CompareAnnualMean(Pm10Daily2008, 2025, []),
            Throws.ArgumentException.With.Message.Contains("Count"));
    }
}
