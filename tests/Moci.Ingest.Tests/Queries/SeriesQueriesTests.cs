using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Queries;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Queries;

public sealed class SeriesQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private SqliteReadingStore _store = null!;
    private SeriesQueries _queries = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _store = new SqliteReadingStore(_folder.File("readings.db"), new FakeTimeProvider(T0));
        _queries = new SeriesQueries(_store);
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    /// <summary>One-minute readings in the first <paramref name="minutes"/> minutes of the hour starting at <paramref name="hour"/>.</summary>
    private static IEnumerable<Reading> Minutes(DateTimeOffset hour, int minutes, Func<int, double>? value = null, Func<int, QaFlags>? flags = null) =>
        Enumerable.Range(0, minutes).Select(i => new Reading("a", "pm10", hour.AddMinutes(i), value?.Invoke(i) ?? 10, flags?.Invoke(i) ?? QaFlags.None));

    [Test]
    public async Task PeriodsAsync_Hour_45Of60Minutes_HasMean_44IsIncompleteWithCoverage()
    {
        await _store.WriteAsync([.. Minutes(T0, 45, i => i), .. Minutes(T0.AddHours(1), 44, i => i)]);

        var result = await _queries.PeriodsAsync("a", "pm10", Resolution.Hour, new TimeRange(T0, T0.AddHours(2)));

        Assert.That(result.ExpectedPerHour, Is.EqualTo(60), "one reading a minute");
        var (full, short_) = (result.Periods[0], result.Periods[1]);
        Assert.Multiple(() =>
        {
            Assert.That((full.Incomplete, full.Mean, full.Coverage), Is.EqualTo((false, (double?)22.0, (double?)0.75)));
            Assert.That((short_.Incomplete, short_.Mean, short_.Count, short_.ValidCount), Is.EqualTo((true, (double?)null, 44L, 44L)), "never silently averaged");
            Assert.That(short_.Coverage, Is.EqualTo(44 / 60.0).Within(1e-12));
            Assert.That((short_.Min, short_.Max), Is.EqualTo(((double?)0.0, (double?)43.0)), "the range measured is still given");
        });
    }

    [Test]
    public async Task PeriodsAsync_Hour_FlaggedReadings_DoNotCountTowardTheHour()
    {
        await _store.WriteAsync([.. Minutes(T0, 60, i => i == 59 ? 950 : 10, i => i >= 15 ? QaFlags.OutOfRange : QaFlags.None)]);

        var hour = (await _queries.PeriodsAsync("a", "pm10", Resolution.Hour, new TimeRange(T0, T0.AddHours(1)))).Periods.Single();

        Assert.That((hour.Count, hour.ValidCount, hour.Incomplete, hour.Max), Is.EqualTo((60L, 15L, true, (double?)10.0)));
    }

    [TestCase(18, false)]
    [TestCase(17, true)]
    public async Task PeriodsAsync_Day_NeedsEighteenCompleteHours(int completeHours, bool incomplete)
    {
        // Complete hours hold 50 of 60 minutes; the others 30, which still count in the day's lowest and highest.
        var readings = Enumerable.Range(0, 24).SelectMany(h => Minutes(T0.AddHours(h), h < completeHours ? 50 : 30, _ => h));
        await _store.WriteAsync(readings.ToList());

        var day = (await _queries.PeriodsAsync("a", "pm10", Resolution.Day, new TimeRange(T0, T0.AddDays(1)))).Periods.Single();

        Assert.That((day.ValidHours, day.Incomplete), Is.EqualTo(((int?)completeHours, incomplete)));
        Assert.That(day.Coverage, Is.EqualTo(completeHours / 24.0));
        Assert.That(day.Max, Is.EqualTo(23.0));
        Assert.That(day.Mean, incomplete ? Is.Null : Is.EqualTo(Enumerable.Range(0, completeHours).Average()), "the mean of the complete hours' means");
    }

    [Test]
    public async Task PeriodsAsync_RangeInsideHours_IsWidenedToWholeHours()
    {
        await _store.WriteAsync([.. Minutes(T0, 60), .. Minutes(T0.AddHours(1), 60)]);

        var result = await _queries.PeriodsAsync("a", "pm10", Resolution.Hour, new TimeRange(T0.AddMinutes(30), T0.AddMinutes(61)));

        Assert.That(result.Range, Is.EqualTo(new TimeRange(T0, T0.AddHours(2))));
        Assert.That(result.Periods.Select(p => p.Count), Is.EqualTo(new[] { 60L, 60L }));
    }

    [Test]
    public async Task PeriodsAsync_SingleReading_CoverageUnknownAndIncomplete()
    {
        await _store.WriteAsync([new Reading("a", "pm10", T0, 10)]);

        var hour = (await _queries.PeriodsAsync("a", "pm10", Resolution.Hour, new TimeRange(T0, T0.AddHours(1)))).Periods.Single();

        Assert.That((hour.Coverage, hour.Incomplete, hour.Mean), Is.EqualTo(((double?)null, true, (double?)null)));
    }

    [Test]
    public async Task PeriodsAsync_YearOfReadings_ReadsRollupsNotReadings()
    {
        var year = new TimeRange(T0.AddYears(-1), T0);
        var readings = Enumerable.Range(0, (int)(year.Duration / TimeSpan.FromMinutes(10))).Select(i => new Reading("a", "pm10", year.From.AddMinutes(10 * i), i % 50)).ToList();
        for (var i = 0; i < readings.Count; i += 10_000)
        {
            await _store.WriteAsync(readings.GetRange(i, Math.Min(10_000, readings.Count - i)));
        }

        var before = _store.RowsRead;
        var result = await _queries.PeriodsAsync("a", "pm10", Resolution.Hour, year);
        var read = _store.RowsRead - before;

        Assert.That(result.Periods, Has.Count.EqualTo(365 * 24));
        Assert.That(read.Readings, Is.Zero, "no range scan of readings");
        Assert.That(read.HourRollups, Is.EqualTo(365 * 24));
        Assert.That(read.IntervalSamples, Is.LessThanOrEqualTo(SqliteReadingStore.IntervalSample + 1));
    }

    [TestCase(Resolution.Hour, 1)]
    [TestCase(Resolution.Hour, 2)]
    [TestCase(Resolution.Day, 1)]
    [TestCase(Resolution.Day, 2)]
    public async Task PeriodsAsync_RandomSeries_EqualsTheRollupRowsSummarisedOneByOne(Resolution resolution, int seed)
    {
        // Three weeks of minute readings with random gaps (some hours and days below their completeness rule), flagged
        // and non-finite values, and a few readings at the half minute: the periods the query service builds must be
        // those of the straightforward way it was first written, field for field and bit for bit.
        var random = new Random(seed);
        var from = T0.AddDays(-21);
        var readings = new List<Reading>();
        for (var minute = 0; minute < 21 * 24 * 60; minute++)
        {
            var hourGap = (minute / 60 * 7919 + seed) % 13;
            if (hourGap > 8 && random.NextDouble() < 0.5)
            {
                continue;
            }

            var flags = random.NextDouble() < 0.05 ? QaFlags.OutOfRange : QaFlags.None;
            var value = random.NextDouble() < 0.001 ? double.PositiveInfinity : Math.Round(random.NextDouble() * 80 - 5, 3);
            readings.Add(new Reading("a", "pm10", from.AddMinutes(minute), value, flags));
            if (minute % 97 == 0)
            {
                readings.Add(new Reading("a", "pm10", from.AddMinutes(minute).AddSeconds(30), random.NextDouble() * 40));
            }
        }

        for (var i = 0; i < readings.Count; i += 5_000)
        {
            await _store.WriteAsync(readings.GetRange(i, Math.Min(5_000, readings.Count - i)));
        }

        var range = new TimeRange(from.AddMinutes(90), T0.AddMinutes(-30));

        var result = await _queries.PeriodsAsync("a", "pm10", resolution, range);
        var expected = await SummariseOneByOneAsync(resolution, result.Range, result.ExpectedPerHour);

        Assert.That(result.Periods, Has.Count.EqualTo(resolution == Resolution.Hour ? (21 * 24) - 1 : 21));
        Assert.That(result.Periods.Count(p => p.Incomplete), Is.InRange(1, result.Periods.Count - 1), "both complete and incomplete periods are compared");
        Assert.That(result.Periods, Is.EqualTo(expected));
    }

    /// <summary>
    /// The periods as the query service first built them: every rollup row read through Microsoft.Data.Sqlite into a
    /// record, an hour summarised from it, a day from its hours' records grouped by day and averaged with LINQ.
    /// </summary>
    private async Task<List<PeriodSummary>> SummariseOneByOneAsync(Resolution resolution, TimeRange range, int? expected)
    {
        var hours = (await ReadRollupRowsAsync("rollups_hour", range)).Select(r => new PeriodSummary(
            r.Start,
            r.Start + TimeRange.Hour,
            expected is { } c && Completeness.IsHourComplete(r.ValidCount, c) ? r.Mean : null,
            r.ValidMin,
            r.ValidMax,
            r.Count,
            r.ValidCount,
            expected is { } e ? Completeness.HourCoverage(r.ValidCount, e) : null,
            null,
            !(expected is { } x && Completeness.IsHourComplete(r.ValidCount, x)))).ToList();
        if (resolution == Resolution.Hour)
        {
            return hours;
        }

        var hoursByDay = hours.ToLookup(h => new DateTimeOffset(h.Start.UtcTicks - h.Start.UtcTicks % TimeSpan.TicksPerDay, TimeSpan.Zero));
        return (await ReadRollupRowsAsync("rollups_day", range)).Select(r =>
        {
            var means = hoursByDay[r.Start].Where(h => !h.Incomplete && h.Mean is not null).Select(h => h.Mean!.Value).ToList();
            var complete = Completeness.IsDayComplete(means.Count);
            return new PeriodSummary(r.Start, r.Start + TimeRange.Day, complete ? means.Average() : null, r.ValidMin, r.ValidMax, r.Count, r.ValidCount, Completeness.DayCoverage(means.Count), means.Count, !complete);
        }).ToList();
    }

    private async Task<List<Rollup>> ReadRollupRowsAsync(string table, TimeRange range)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _store.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT start, value_count, valid_count, valid_sum, valid_min, valid_max FROM {table} WHERE start >= $from AND start < $to ORDER BY start";
        command.Parameters.AddWithValue("$from", range.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", range.To.ToUnixTimeMilliseconds());
        var rows = new List<Rollup>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Rollup(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5)));
        }

        return rows;
    }

    [Test]
    public async Task PeriodsAsync_Raw_Rejects()
    {
        await Assert.ThatAsync(() => _queries.PeriodsAsync("a", "pm10", Resolution.Raw, new TimeRange(T0, T0.AddHours(1))), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
