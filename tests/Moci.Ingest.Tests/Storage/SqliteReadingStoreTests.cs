using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Storage;

public sealed class SqliteReadingStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private FakeTimeProvider _time = null!;
    private SqliteReadingStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _time = new FakeTimeProvider(T0);
        _store = new SqliteReadingStore(_folder.File("readings.db"), _time);
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private static Reading[] Minutes(string station, string metric, int count, double start = 10) =>
        Enumerable.Range(0, count).Select(i => new Reading(station, metric, T0.AddMinutes(i), start + i)).ToArray();

    private async Task<List<Reading>> ReadAll(string station, string metric, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<Reading>();
        await foreach (var reading in _store.ReadAsync(station, metric, new TimeRange(from, to)))
        {
            list.Add(reading);
        }

        return list;
    }

    [Test]
    public async Task WriteAsync_RowSQLiteRefuses_ThrowsAndCommitsNothingOfTheBatch()
    {
        // SQLite stores NaN as NULL, which the schema refuses: the intake never passes one, but if it did the
        // batch must fail as a whole, with SQLite's reason.
        var batch = Minutes("rrg-school-01", "pm10", 3).Append(new Reading("rrg-school-01", "pm10", T0.AddHours(1), double.NaN)).ToArray();

        var failure = await Assert.ThrowsAsync<SqliteException>(() => _store.WriteAsync(batch));

        Assert.That(failure!.Message, Does.Contain("NOT NULL"));
        Assert.That(await ReadAll("rrg-school-01", "pm10", T0, T0.AddDays(1)), Is.Empty);
        Assert.That((await _store.WriteAsync(Minutes("rrg-school-01", "pm10", 3))).Inserted, Is.EqualTo(3), "the store keeps working");
    }

    [Test]
    public async Task WriteAsync_SameBatchTwice_StoresOneCopy()
    {
        var batch = Minutes("a", "pm10", 50);

        var first = await _store.WriteAsync(batch);
        var second = await _store.WriteAsync(batch);

        Assert.That(first, Is.EqualTo(new WriteResult(50, 0)));
        Assert.That(second, Is.EqualTo(new WriteResult(0, 50)));
        Assert.That(await ReadAll("a", "pm10", T0, T0.AddDays(1)), Is.EqualTo(batch));
    }

    [Test]
    public async Task WriteAsync_SameKeyDifferentValue_KeepsTheFirstAndReportsAConflict()
    {
        await _store.WriteAsync([new Reading("a", "ph", T0, 7.1)]);
        var newcomer = new Reading("a", "ph", T0, 9.9);
        var result = await _store.WriteAsync([newcomer, new Reading("a", "ph", T0.AddSeconds(1), 7.2)]);

        Assert.That((result.Inserted, result.Duplicates), Is.EqualTo((1, 0)));
        Assert.That(result.Conflicts, Is.EqualTo(new[] { new ReadingConflict(new Reading("a", "ph", T0, 7.1), newcomer) }));
        Assert.That((await ReadAll("a", "ph", T0, T0.AddDays(1))).Select(r => r.Value), Is.EqualTo(new[] { 7.1, 7.2 }));
    }

    [Test]
    public async Task WriteAsync_SameKeyDifferentFlags_IsAConflict()
    {
        await _store.WriteAsync([new Reading("a", "humidity", T0, 101, QaFlags.OutOfRange)]);

        var result = await _store.WriteAsync([new Reading("a", "humidity", T0, 101, QaFlags.OutOfRange | QaFlags.ClockSuspect)]);

        Assert.That(result.Conflicts.Single().Stored.Flags, Is.EqualTo(QaFlags.OutOfRange));
        Assert.That(result.Duplicates, Is.Zero);
    }

    [Test]
    public async Task WriteAsync_ConflictWithinOneBatch_KeepsTheFirstOfTheBatch()
    {
        var result = await _store.WriteAsync(
        [
            new Reading("a", "pm10", T0, 10),
            new Reading("a", "pm10", T0, 10),
            new Reading("a", "pm10", T0, 11),
            new Reading("b", "pm10", T0, 11),
        ]);

        Assert.That((result.Inserted, result.Duplicates, result.Conflicts.Count), Is.EqualTo((2, 1, 1)));
        Assert.That(result.Conflicts[0], Is.EqualTo(new ReadingConflict(new Reading("a", "pm10", T0, 10), new Reading("a", "pm10", T0, 11))));
        Assert.That((await ReadAll("a", "pm10", T0, T0.AddDays(1))).Single().Value, Is.EqualTo(10));
    }

    [Test]
    public async Task WriteAsync_Nothing_IsAnEmptyResult()
    {
        var result = await _store.WriteAsync([]);

        Assert.That((result.Inserted, result.Duplicates, result.Conflicts), Is.EqualTo((0, 0, Array.Empty<ReadingConflict>())));
    }

    [Test]
    public async Task ReadAsync_HalfOpenRange_IncludesFromAndExcludesTo()
    {
        await _store.WriteAsync(Minutes("a", "pm10", 10));

        var readings = await ReadAll("a", "pm10", T0.AddMinutes(2), T0.AddMinutes(5));

        Assert.That(readings.Select(r => r.Timestamp), Is.EqualTo(new[] { T0.AddMinutes(2), T0.AddMinutes(3), T0.AddMinutes(4) }));
    }

    [Test]
    public async Task ReadAsync_OnlyTheAskedSeries_OldestFirst()
    {
        await _store.WriteAsync([.. Minutes("b", "pm10", 3), .. Minutes("a", "pm2_5", 3), .. Minutes("a", "pm10", 3).Reverse()]);

        var readings = await ReadAll("a", "pm10", T0, T0.AddDays(1));

        Assert.That(readings, Is.EqualTo(Minutes("a", "pm10", 3)));
    }

    [Test]
    public async Task ReadAsync_KeepsFlagsAndMilliseconds()
    {
        var reading = new Reading("a", "humidity", T0.AddMilliseconds(1234), 104.5, QaFlags.OutOfRange | QaFlags.ClockSuspect);
        await _store.WriteAsync([reading]);

        Assert.That(await ReadAll("a", "humidity", T0, T0.AddDays(1)), Is.EqualTo(new[] { reading }));
    }

    [Test]
    public async Task ReadAsync_UnknownSeries_IsEmpty()
    {
        Assert.That(await ReadAll("nobody", "pm10", T0, T0.AddDays(1)), Is.Empty);
    }

    [Test]
    public async Task Reopen_AfterDispose_ReadingsSurvive()
    {
        var batch = Minutes("a", "water_temperature", 100);
        await _store.WriteAsync(batch);
        _store.Dispose();

        _store = new SqliteReadingStore(_folder.File("readings.db"), _time);

        Assert.That(await ReadAll("a", "water_temperature", T0, T0.AddDays(1)), Is.EqualTo(batch));
        Assert.That(await _store.WriteAsync(batch), Is.EqualTo(new WriteResult(0, 100)), "the key survives too");
    }

    [Test]
    public async Task LatestAsync_NewestPerMetric_EvenWhenOlderReadingsArriveLater()
    {
        await _store.WriteAsync([new Reading("a", "pm10", T0.AddHours(2), 30), new Reading("a", "ph", T0, 7)]);
        await _store.WriteAsync([new Reading("a", "pm10", T0.AddHours(1), 20), new Reading("b", "pm10", T0, 5)]);
        _time.SetUtcNow(T0.AddDays(1));

        var latest = await _store.LatestAsync("a");

        Assert.That(latest, Is.EquivalentTo(new[] { new Reading("a", "pm10", T0.AddHours(2), 30), new Reading("a", "ph", T0, 7) }));
        Assert.That(await _store.LatestAsync(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task LatestAsync_ReadingAheadOfTheClock_IsNotLatestUntilItsTimeComes()
    {
        _time.SetUtcNow(T0.AddHours(1));
        await _store.WriteAsync([new Reading("a", "pm10", T0, 10), new Reading("a", "pm10", T0.AddMinutes(30), 20)]);
        await _store.WriteAsync([new Reading("a", "pm10", T0.AddYears(74), 99, QaFlags.ClockSuspect), new Reading("a", "pm10", T0.AddHours(2), 30)]);

        var now = await _store.LatestAsync("a");
        _time.SetUtcNow(T0.AddHours(2));
        var later = await _store.LatestAsync();

        Assert.That(now, Is.EqualTo(new[] { new Reading("a", "pm10", T0.AddMinutes(30), 20) }));
        Assert.That(later, Is.EqualTo(new[] { new Reading("a", "pm10", T0.AddHours(2), 30) }), "the bound is inclusive: a reading at now is latest");
    }

    [Test]
    public async Task LatestAsync_OnlyReadingsAheadOfTheClock_LeavesTheSeriesOut()
    {
        await _store.WriteAsync([new Reading("a", "pm10", T0.AddMinutes(1), 10), new Reading("a", "ph", T0, 7)]);

        Assert.That((await _store.LatestAsync("a")).Select(r => r.Metric), Is.EqualTo(new[] { "ph" }));
    }

    [Test]
    public void OpenWriter_UsesWalAndFullSynchronous()
    {
        using var connection = SqliteDatabase.OpenWriter(_folder.File("pragmas.db"));
        using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("wal"));
        command.CommandText = "PRAGMA synchronous";
        Assert.That(command.ExecuteScalar(), Is.EqualTo(2L), "2 = FULL");
    }

    [Test]
    public void Constructor_PathThatCannotBeCreated_ThrowsNamingTheSetting()
    {
        var blocker = _folder.File("a-file");
        File.WriteAllText(blocker, "");

        Assert.That(
            () => new SqliteReadingStore(Path.Combine(blocker, "sub", "x.db")),
            Throws.InvalidOperationException.With.Message.Contains("Storage:DatabasePath"));
    }

    [Test]
    public void Constructor_NewerSchema_RefusesToOpen()
    {
        var path = _folder.File("newer.db");
        using (var store = new SqliteReadingStore(path))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_versions SET version = 99 WHERE component = 'readings'";
            command.ExecuteNonQuery();
        }

        Assert.That(() => new SqliteReadingStore(path), Throws.InvalidOperationException.With.Message.Contains("newer"));
    }
}
