using CsCheck;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Storage;

/// <summary>The rollups of <see cref="SqliteReadingStore"/>: kept in step with the readings it stores, migrated, rebuilt.</summary>
public sealed class SqliteReadingStoreRollupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Series = ["a", "b"];
    private static readonly QaFlags[] Flags = [QaFlags.None, QaFlags.None, QaFlags.None, QaFlags.OutOfRange, QaFlags.HubTimed, QaFlags.ClockSuspect];

    private enum Step
    {
        Insert,
        Backfill,
        Replay,
        Conflict,
    }

    /// <summary>One batch: what kind, which earlier batch a replay or conflict repeats, and new readings.</summary>
    private sealed record Batch(Step Kind, int Earlier, (int Series, int Minute, double Value, int Flags)[] Readings);

    private static readonly Gen<Batch> Batches =
        from kind in Gen.Enum<Step>()
        from earlier in Gen.Int[0, 1000]
        from readings in Gen.Select(Gen.Int[0, 1], Gen.Int[0, 3 * 24 * 60], Gen.Int[-2000, 50_000], Gen.Int[0, Flags.Length - 1]).Array[1, 40]
        select new Batch(kind, earlier, readings.Select(r => (r.Item1, r.Item2, r.Item3 / 100.0, r.Item4)).ToArray());

    private static Reading ToReading(Step kind, (int Series, int Minute, double Value, int Flags) r)
    {
        // Backfill lands a year before the live data, in other hours and days, after them in time of arrival.
        var at = (kind == Step.Backfill ? T0.AddDays(-365) : T0).AddMinutes(r.Minute).AddSeconds(r.Minute % 7 * 5);
        return new Reading(Series[r.Series], "pm10", at, r.Value, Flags[r.Flags]);
    }

    [Test]
    public async Task Rollups_AfterRandomInsertsReplaysConflictsAndBackfill_EqualRecomputation()
    {
        await Gen.Int[1, 25].SelectMany(n => Batches.Array[n]).SampleAsync(
            async batches =>
            {
                using var folder = new TempDirectory();
                using var store = new SqliteReadingStore(folder.File("readings.db"), new FakeTimeProvider(T0));
                var written = new List<Reading[]>();
                var kept = new Dictionary<(string, DateTimeOffset), Reading>();
                foreach (var batch in batches)
                {
                    var readings = batch.Kind switch
                    {
                        Step.Replay when written.Count > 0 => written[batch.Earlier % written.Count],
                        Step.Conflict when written.Count > 0 => written[batch.Earlier % written.Count].Select(r => r with { Value = r.Value + 1 }).ToArray(),
                        _ => batch.Readings.Select(r => ToReading(batch.Kind, r)).ToArray(),
                    };
                    await store.WriteAsync(readings);
                    written.Add(readings);
                    foreach (var reading in readings)
                    {
                        kept.TryAdd((reading.StationId, reading.Timestamp), reading);
                    }
                }

                foreach (var station in Series)
                {
                    var mine = kept.Values.Where(r => r.StationId == station).ToList();
                    await AssertRollupsAsync(store, station, RollupPeriod.Hour, mine);
                    await AssertRollupsAsync(store, station, RollupPeriod.Day, mine);
                }
            },
            iter: 60,
            threads: 1);
    }

    [Test]
    public async Task Write_DuplicateBatch_CountsOnce()
    {
        using var folder = new TempDirectory();
        using var store = new SqliteReadingStore(folder.File("readings.db"), new FakeTimeProvider(T0));
        var batch = Enumerable.Range(0, 60).Select(i => new Reading("a", "pm10", T0.AddMinutes(i), i)).ToArray();

        await store.WriteAsync(batch);
        await store.WriteAsync(batch);

        var hour = await SingleAsync(store, "a", RollupPeriod.Hour);
        Assert.That((hour.Count, hour.ValidCount, hour.ValidSum, hour.ValidMin, hour.ValidMax), Is.EqualTo((60L, 60L, 1770.0, 0.0, 59.0)));
    }

    [Test]
    public async Task Write_FlaggedReadings_CountButStayOutOfSumMinMax()
    {
        using var folder = new TempDirectory();
        using var store = new SqliteReadingStore(folder.File("readings.db"), new FakeTimeProvider(T0));

        await store.WriteAsync(
        [
            new Reading("a", "pm10", T0, 10),
            new Reading("a", "pm10", T0.AddMinutes(1), 950, QaFlags.OutOfRange),
            new Reading("a", "pm10", T0.AddMinutes(2), 20, QaFlags.HubTimed),
        ]);

        var hour = await SingleAsync(store, "a", RollupPeriod.Hour);
        Assert.That((hour.Count, hour.ValidCount, hour.ValidSum, hour.ValidMin, hour.ValidMax), Is.EqualTo((3L, 2L, 30.0, 10.0, 20.0)));
    }

    [Test]
    public async Task Open_DatabaseOfSchema1WithReadings_RollsThemUpOnce()
    {
        using var folder = new TempDirectory();
        var path = folder.File("readings.db");
        var old = Enumerable.Range(0, 200).Select(i => new Reading("a", "pm10", T0.AddMinutes(7 * i), i % 13, i % 10 == 0 ? QaFlags.OutOfRange : QaFlags.None)).ToList();
        CreateSchema1(path, old);

        using (var store = new SqliteReadingStore(path, new FakeTimeProvider(T0)))
        {
            await AssertRollupsAsync(store, "a", RollupPeriod.Hour, old);
            await AssertRollupsAsync(store, "a", RollupPeriod.Day, old);
        }

        using var reopened = new SqliteReadingStore(path, new FakeTimeProvider(T0));
        await AssertRollupsAsync(reopened, "a", RollupPeriod.Day, old);
    }

    [Test]
    public async Task RebuildRollups_TamperedAndLeftOverRows_AreCorrectedAndCounted()
    {
        using var folder = new TempDirectory();
        var path = folder.File("readings.db");
        using var store = new SqliteReadingStore(path, new FakeTimeProvider(T0));
        var readings = Enumerable.Range(0, 3 * 24 * 6).Select(i => new Reading("a", "pm10", T0.AddMinutes(10 * i), i)).ToList();
        await store.WriteAsync(readings);
        Execute(path, """
            UPDATE rollups_hour SET value_count = 99 WHERE start = (SELECT min(start) FROM rollups_hour);
            DELETE FROM readings WHERE ts >= (SELECT max(start) FROM rollups_day);
            """);
        var left = readings.Where(r => r.Timestamp < T0.AddDays(2)).ToList();
        var seen = new List<RollupRebuildProgress>();

        var summary = await store.RebuildRollupsAsync(progress: seen.Add);

        Assert.That(summary.Readings, Is.EqualTo(left.Count));
        Assert.That(summary.HoursCorrected, Is.EqualTo(1 + 24), "the tampered hour and the hours of the day without readings");
        Assert.That(summary.DaysCorrected, Is.EqualTo(1), "the day without readings (the tampered hour left its day right)");
        Assert.That(seen[^1].StepsDone, Is.EqualTo(seen[^1].StepsTotal));
        await AssertRollupsAsync(store, "a", RollupPeriod.Hour, left);
        await AssertRollupsAsync(store, "a", RollupPeriod.Day, left);
    }

    [Test]
    public async Task RebuildRollups_CorrectRollups_ChangesNothing()
    {
        using var folder = new TempDirectory();
        using var store = new SqliteReadingStore(folder.File("readings.db"), new FakeTimeProvider(T0));
        await store.WriteAsync(Enumerable.Range(0, 500).Select(i => new Reading("a", "pm10", T0.AddMinutes(3 * i), i * 0.1)).ToList());

        var summary = await store.RebuildRollupsAsync();

        Assert.That((summary.Series, summary.Readings, summary.HoursCorrected, summary.DaysCorrected), Is.EqualTo((1, 500L, 0L, 0L)));
    }

    private static async Task<Rollup> SingleAsync(SqliteReadingStore store, string station, RollupPeriod period)
    {
        var rows = new List<Rollup>();
        await foreach (var row in store.ReadRollupsAsync(station, "pm10", period, TimeRange.All))
        {
            rows.Add(row);
        }

        Assert.That(rows, Has.Count.EqualTo(1));
        return rows[0];
    }

    /// <summary>Asserts that the stored rollups equal those recomputed from scratch from <paramref name="readings"/>.</summary>
    private static async Task AssertRollupsAsync(SqliteReadingStore store, string station, RollupPeriod period, IReadOnlyCollection<Reading> readings)
    {
        var length = period == RollupPeriod.Hour ? TimeRange.Hour : TimeRange.Day;
        var expected = readings
            .GroupBy(r => new DateTimeOffset(r.Timestamp.UtcTicks - r.Timestamp.UtcTicks % length.Ticks, TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var valid = g.Where(r => !r.Flags.IsSuspect()).Select(r => r.Value).ToList();
                return new Rollup(g.Key, g.Count(), valid.Count, valid.Sum(), valid.Count > 0 ? valid.Min() : null, valid.Count > 0 ? valid.Max() : null);
            })
            .ToList();
        var stored = new List<Rollup>();
        await foreach (var row in store.ReadRollupsAsync(station, "pm10", period, TimeRange.All))
        {
            stored.Add(row);
        }

        Assert.That(stored.Select(r => (r.Start, r.Count, r.ValidCount, r.ValidMin, r.ValidMax)), Is.EqualTo(expected.Select(r => (r.Start, r.Count, r.ValidCount, r.ValidMin, r.ValidMax))), $"{period} rollups of {station}");
        for (var i = 0; i < expected.Count; i++)
        {
            // Sums added batch by batch round differently from sums added at once.
            Assert.That(stored[i].ValidSum, Is.EqualTo(expected[i].ValidSum).Within(1e-9 * Math.Max(1, Math.Abs(expected[i].ValidSum))), $"{period} sum at {expected[i].Start:O}");
        }
    }

    /// <summary>A database as release 1 of the store wrote it: readings and series, no rollups, schema version 1.</summary>
    private static void CreateSchema1(string path, IEnumerable<Reading> readings)
    {
        Execute(path, """
            CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
            INSERT INTO schema_versions VALUES ('readings', 1);
            CREATE TABLE series (id INTEGER PRIMARY KEY, station TEXT NOT NULL, metric TEXT NOT NULL, latest_ts INTEGER, latest_value REAL, latest_flags INTEGER, UNIQUE (station, metric));
            CREATE TABLE readings (series INTEGER NOT NULL REFERENCES series (id), ts INTEGER NOT NULL, value REAL NOT NULL, flags INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (series, ts)) WITHOUT ROWID;
            INSERT INTO series (id, station, metric) VALUES (1, 'a', 'pm10');
            BEGIN;
            """ + string.Concat(readings.Select(r => FormattableString.Invariant($"INSERT INTO readings VALUES (1, {r.Timestamp.ToUnixTimeMilliseconds()}, {r.Value:R}, {(int)r.Flags});\n"))) + "COMMIT;");
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
