using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Storage;

/// <summary>
/// What every <see cref="IReadingStore"/> promises, run against each store: SQLite always, InfluxDB 2.x when
/// MOCI_INFLUXDB_URL, MOCI_INFLUXDB_TOKEN, MOCI_INFLUXDB_ORG and MOCI_INFLUXDB_BUCKET name a server to write to
/// (docs/influxdb.md). Against a shared bucket every test writes under station ids of its own.
/// </summary>
[TestFixtureSource(nameof(Stores))]
public sealed class ReadingStoreContractTests(string kind)
{
    public static readonly string[] Stores = ["Sqlite", "InfluxDB"];

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private TempDirectory? _folder;
    private FakeTimeProvider _time = null!;
    private IReadingStore _store = null!;
    private string _prefix = "";

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(T0);
        _prefix = "t" + Guid.NewGuid().ToString("N")[..10] + "-";
        if (kind == "Sqlite")
        {
            _folder = new TempDirectory();
            _store = new SqliteReadingStore(_folder.File("readings.db"), _time);
            return;
        }

        var url = Environment.GetEnvironmentVariable("MOCI_INFLUXDB_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Ignore("No InfluxDB 2.x to test against: set MOCI_INFLUXDB_URL, MOCI_INFLUXDB_TOKEN, MOCI_INFLUXDB_ORG and " +
                          "MOCI_INFLUXDB_BUCKET to run this suite on one (docs/influxdb.md). In CI the InfluxDB store's writes are " +
                          "tested against victoria-metrics and its Flux reads against recorded responses (InfluxReadingStoreTests).");
        }

        _store = new InfluxReadingStore(
            new InfluxEndpoint(url, Setting("MOCI_INFLUXDB_TOKEN"), Setting("MOCI_INFLUXDB_ORG"), Setting("MOCI_INFLUXDB_BUCKET")),
            _time);
    }

    [TearDown]
    public void TearDown()
    {
        (_store as IDisposable)?.Dispose();
        _folder?.Dispose();
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} must be set beside MOCI_INFLUXDB_URL");

    /// <summary>A station id of this test alone.</summary>
    private string S(string name) => _prefix + name;

    private Reading[] Minutes(string station, string metric, int count, double start = 10) =>
        Enumerable.Range(0, count).Select(i => new Reading(S(station), metric, T0.AddMinutes(i), start + i)).ToArray();

    private async Task<List<Reading>> ReadAll(string station, string metric, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<Reading>();
        await foreach (var reading in _store.ReadAsync(S(station), metric, new TimeRange(from, to)))
        {
            list.Add(reading);
        }

        return list;
    }

    private async Task<List<Rollup>> Rollups(string station, string metric, RollupPeriod period, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<Rollup>();
        await foreach (var rollup in _store.ReadRollupsAsync(S(station), metric, period, new TimeRange(from, to)))
        {
            list.Add(rollup);
        }

        return list;
    }

    [Test]
    public async Task WriteAsync_ThenReadAsync_ReturnsTheReadingsOldestFirst()
    {
        var batch = Minutes("a", "pm10", 20);

        var result = await _store.WriteAsync([.. batch.Reverse()]);

        Assert.That(result.Written, Is.EqualTo(20));
        Assert.That(await ReadAll("a", "pm10", T0, T0.AddDays(1)), Is.EqualTo(batch));
    }

    [Test]
    public async Task WriteAsync_SameBatchTwice_StoresOneCopyAndReportsOnlyWhatTheStoreKnows()
    {
        var batch = Minutes("a", "pm10", 50);

        await _store.WriteAsync(batch);
        var second = await _store.WriteAsync(batch);

        Assert.That(await ReadAll("a", "pm10", T0, T0.AddDays(1)), Is.EqualTo(batch));
        Assert.That(second.Written, Is.EqualTo(50));
        Assert.That(second.KnownDuplicates, second.DuplicatesKnown ? Is.EqualTo(50) : Is.Null, "a store that cannot tell says so rather than 0");
    }

    [Test]
    public async Task WriteAsync_SameKeyOtherValue_KeepsOneReadingForTheKey()
    {
        await _store.WriteAsync([new Reading(S("a"), "ph", T0, 7.1)]);

        var result = await _store.WriteAsync([new Reading(S("a"), "ph", T0, 9.9)]);

        var stored = (await ReadAll("a", "ph", T0, T0.AddDays(1))).Single();
        // SQLite keeps the first copy and reports the newcomer; InfluxDB overwrites and cannot report it.
        Assert.That((stored.Value, result.KnownConflicts), Is.EqualTo(result.DuplicatesKnown ? (7.1, 1) : (9.9, (int?)null)));
    }

    [Test]
    public async Task WriteAsync_Nothing_WritesNothing()
    {
        var result = await _store.WriteAsync([]);

        Assert.That((result.Written, result.Conflicts.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task ReadAsync_HalfOpenRange_IncludesFromAndExcludesTo()
    {
        await _store.WriteAsync(Minutes("a", "pm10", 10));

        var readings = await ReadAll("a", "pm10", T0.AddMinutes(2), T0.AddMinutes(5));

        Assert.That(readings.Select(r => r.Timestamp), Is.EqualTo(new[] { T0.AddMinutes(2), T0.AddMinutes(3), T0.AddMinutes(4) }));
    }

    [Test]
    public async Task ReadAsync_OnlyTheAskedSeries()
    {
        await _store.WriteAsync([.. Minutes("b", "pm10", 3), .. Minutes("a", "pm2_5", 3), .. Minutes("a", "pm10", 3)]);

        Assert.That(await ReadAll("a", "pm10", T0, T0.AddDays(1)), Is.EqualTo(Minutes("a", "pm10", 3)));
    }

    [Test]
    public async Task ReadAsync_KeepsFlagsAndMilliseconds()
    {
        var reading = new Reading(S("a"), "humidity", T0.AddMilliseconds(1234), 104.5, QaFlags.OutOfRange | QaFlags.ClockSuspect);
        await _store.WriteAsync([reading]);

        Assert.That(await ReadAll("a", "humidity", T0, T0.AddDays(1)), Is.EqualTo(new[] { reading }));
    }

    [Test]
    public async Task ReadAsync_UnknownSeries_IsEmpty()
    {
        Assert.That(await ReadAll("nobody", "pm10", T0, T0.AddDays(1)), Is.Empty);
    }

    [Test]
    public async Task ReadRollupsAsync_Hours_CountAllAndSumOnlyValidValues()
    {
        await _store.WriteAsync(
        [
            new Reading(S("a"), "pm10", T0.AddMinutes(10), 10),
            new Reading(S("a"), "pm10", T0.AddMinutes(20), 30, QaFlags.HubTimed),
            new Reading(S("a"), "pm10", T0.AddMinutes(30), 900, QaFlags.OutOfRange),
            new Reading(S("a"), "pm10", T0.AddHours(2).AddMinutes(5), 500, QaFlags.ClockSuspect),
        ]);

        var rollups = await Rollups("a", "pm10", RollupPeriod.Hour, T0, T0.AddDays(1));

        Assert.That(rollups, Is.EqualTo(new[]
        {
            new Rollup(T0, 3, 2, 40, 10, 30),
            new Rollup(T0.AddHours(2), 1, 0, 0, null, null),
        }), "an hour with nothing has no rollup; provenance flags leave a value valid");
    }

    [Test]
    public async Task ReadRollupsAsync_Days_ArePeriodsThatStartInTheRange()
    {
        await _store.WriteAsync(
        [
            new Reading(S("a"), "ph", T0.AddHours(-1), 6),
            new Reading(S("a"), "ph", T0.AddHours(1), 7),
            new Reading(S("a"), "ph", T0.AddHours(23), 8),
            new Reading(S("a"), "ph", T0.AddDays(1).AddHours(1), 9),
        ]);

        var rollups = await Rollups("a", "ph", RollupPeriod.Day, T0.AddHours(-12), T0.AddHours(12));

        Assert.That(rollups, Is.EqualTo(new[] { new Rollup(T0, 2, 2, 15, 7, 8) }), "the day of T0 starts in the range, the one before does not");
    }

    [Test]
    public async Task ReadRollupsAsync_SameBatchTwice_CountsOnce()
    {
        var batch = Minutes("a", "pm10", 60);
        await _store.WriteAsync(batch);
        await _store.WriteAsync(batch);

        var rollup = (await Rollups("a", "pm10", RollupPeriod.Hour, T0, T0.AddHours(1))).Single();

        Assert.That((rollup.Count, rollup.ValidSum), Is.EqualTo((60L, batch.Sum(r => r.Value))));
    }

    [Test]
    public async Task TypicalIntervalAsync_MedianGapBeforeTheInstant()
    {
        await _store.WriteAsync(
        [
            new Reading(S("a"), "pm10", T0, 1),
            new Reading(S("a"), "pm10", T0.AddMinutes(1), 1),
            new Reading(S("a"), "pm10", T0.AddMinutes(2), 1),
            new Reading(S("a"), "pm10", T0.AddMinutes(12), 1),
            new Reading(S("a"), "pm10", T0.AddMinutes(13), 1),
            new Reading(S("a"), "pm10", T0.AddHours(5), 1),
        ]);

        var interval = await _store.TypicalIntervalAsync(S("a"), "pm10", T0.AddHours(5));

        Assert.That(interval, Is.EqualTo(TimeSpan.FromMinutes(1)), "gaps 1, 1, 10, 1 min; the reading at the instant is left out");
    }

    [Test]
    public async Task TypicalIntervalAsync_FewerThanTwoReadings_IsNull()
    {
        await _store.WriteAsync([new Reading(S("a"), "pm10", T0, 1)]);

        Assert.That(await _store.TypicalIntervalAsync(S("a"), "pm10", T0.AddDays(1)), Is.Null);
    }

    [Test]
    public async Task LatestAsync_NewestPerMetric_EvenWhenOlderReadingsArriveLater()
    {
        await _store.WriteAsync([new Reading(S("a"), "pm10", T0.AddHours(2), 30), new Reading(S("a"), "ph", T0, 7, QaFlags.OutOfRange)]);
        await _store.WriteAsync([new Reading(S("a"), "pm10", T0.AddHours(1), 20), new Reading(S("b"), "pm10", T0, 5)]);
        _time.SetUtcNow(T0.AddDays(1));

        var latest = await _store.LatestAsync(S("a"));
        var everyStation = (await _store.LatestAsync()).Where(r => r.StationId.StartsWith(_prefix, StringComparison.Ordinal));

        Assert.That(latest, Is.EquivalentTo(new[] { new Reading(S("a"), "pm10", T0.AddHours(2), 30), new Reading(S("a"), "ph", T0, 7, QaFlags.OutOfRange) }));
        Assert.That(everyStation.Select(r => (r.StationId, r.Metric)), Is.EquivalentTo(new[] { (S("a"), "pm10"), (S("a"), "ph"), (S("b"), "pm10") }));
    }

    [Test]
    public async Task LatestAsync_ReadingAheadOfTheClock_IsNotLatestUntilItsTimeComes()
    {
        _time.SetUtcNow(T0.AddHours(1));
        await _store.WriteAsync([new Reading(S("a"), "pm10", T0, 10), new Reading(S("a"), "pm10", T0.AddMinutes(30), 20)]);
        await _store.WriteAsync([new Reading(S("a"), "pm10", T0.AddYears(74), 99, QaFlags.ClockSuspect), new Reading(S("a"), "pm10", T0.AddHours(2), 30)]);

        var now = await _store.LatestAsync(S("a"));
        _time.SetUtcNow(T0.AddHours(2));
        var later = await _store.LatestAsync(S("a"));

        Assert.That(now, Is.EqualTo(new[] { new Reading(S("a"), "pm10", T0.AddMinutes(30), 20) }));
        Assert.That(later, Is.EqualTo(new[] { new Reading(S("a"), "pm10", T0.AddHours(2), 30) }), "the bound is inclusive: a reading at now is latest");
    }
}
