using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Tests.Storage.Influx;

/// <summary>
/// The InfluxDB store where no InfluxDB 2.x can run: its writes go for real to victoria-metrics, which takes
/// InfluxDB.Client's requests on /api/v2/write unchanged and shows what it stored through /api/v1/export; its Flux
/// reads go to a stand-in that answers with annotated CSV in the shape InfluxDB documents
/// (https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/), parsed by the real client.
/// </summary>
public sealed class InfluxReadingStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    private VictoriaMetrics _victoria = null!;
    private InfluxReadingStore _toVictoria = null!;
    private InfluxStandIn _standIn = null!;
    private InfluxReadingStore _toStandIn = null!;
    private FakeTimeProvider _time = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _victoria = await VictoriaMetrics.StartAsync();
        _toVictoria = new InfluxReadingStore(new InfluxEndpoint(_victoria.Url, "unused-token", "school", "moci"));
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        _toVictoria.Dispose();
        await _victoria.DisposeAsync();
    }

    [SetUp]
    public async Task StartStandIn()
    {
        _standIn = await InfluxStandIn.StartAsync();
        _time = new FakeTimeProvider(T0.AddDays(1));
        _toStandIn = new InfluxReadingStore(new InfluxEndpoint(_standIn.Url, "token", "school", "moci"), _time);
    }

    [TearDown]
    public async Task StopStandIn()
    {
        _toStandIn.Dispose();
        await _standIn.DisposeAsync();
    }

    private static string NewStation() => "vm-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The series victoria-metrics holds for <paramref name="station"/>, once it holds <paramref name="samples"/> samples of it.</summary>
    private async Task<IReadOnlyList<ExportedSeries>> ExportedAsync(string station, int samples) =>
        await Eventually.Until(
            async () => (await _victoria.ExportAsync("reading_.*")).Where(s => s.Labels.GetValueOrDefault("station") == station).ToList(),
            series => series.Sum(s => s.Values.Count) >= samples,
            ExportWait,
            series => $"{series.Count} series of {station}: " + string.Join("; ", series));

    [Test]
    public async Task WriteAsync_Readings_ArriveAsValueAndFlagsOfTheirSeriesToTheMillisecond()
    {
        var station = NewStation();
        var readings = new[]
        {
            new Reading(station, "pm10", T0.AddMilliseconds(123), 12.5),
            new Reading(station, "pm10", T0.AddMinutes(1), 13.25, QaFlags.OutOfRange | QaFlags.ClockSuspect),
            new Reading(station, "ph", T0, 7.1, QaFlags.HubTimed),
        };

        var result = await _toVictoria.WriteAsync(readings);
        var series = await ExportedAsync(station, 6);

        Assert.That(series.Select(s => (s.Name, s.Labels["metric"], s.Values.ToArray(), s.TimestampsMilliseconds.ToArray())), Is.EquivalentTo(new[]
        {
            ("reading_value", "pm10", new[] { 12.5, 13.25 }, new[] { T0.ToUnixTimeMilliseconds() + 123, T0.AddMinutes(1).ToUnixTimeMilliseconds() }),
            ("reading_flags", "pm10", new[] { 0.0, 3.0 }, new[] { T0.ToUnixTimeMilliseconds() + 123, T0.AddMinutes(1).ToUnixTimeMilliseconds() }),
            ("reading_value", "ph", new[] { 7.1 }, new[] { T0.ToUnixTimeMilliseconds() }),
            ("reading_flags", "ph", new[] { 4.0 }, new[] { T0.ToUnixTimeMilliseconds() }),
        }));
        Assert.That((result.Inserted, result.DuplicatesKnown, result.KnownDuplicates, result.KnownConflicts), Is.EqualTo((3, false, (int?)null, (int?)null)));
    }

    [Test]
    public async Task WriteAsync_IdsWithSpacesCommasEqualsAndQuotes_ArriveUnchanged()
    {
        var station = NewStation() + " roof, \"east\"=1";
        const string metric = "pm 2,5=\\x";

        await _toVictoria.WriteAsync([new Reading(station, metric, T0, 1)]);
        var series = await ExportedAsync(station, 2);

        Assert.That(series.Select(s => s.Labels["metric"]), Is.EqualTo(new[] { metric, metric }));
    }

    [Test]
    public async Task WriteAsync_MoreReadingsThanOneRequestTakes_StoresEveryOne()
    {
        var station = NewStation();
        var readings = Enumerable.Range(0, (2 * InfluxReadingStore.PointsPerRequest) + 1)
            .Select(i => new Reading(station, "pm10", T0.AddSeconds(i), i))
            .ToArray();

        await _toVictoria.WriteAsync(readings);
        var value = (await ExportedAsync(station, 2 * readings.Length)).Single(s => s.Name == "reading_value");

        Assert.That(value.Values, Is.EqualTo(readings.Select(r => r.Value)));
    }

    [Test]
    public async Task WriteAsync_OneReading_IsOneLineOfLineProtocol()
    {
        await _toStandIn.WriteAsync([new Reading("rrg-school-01", "pm10", T0.AddMilliseconds(123), 12.5, QaFlags.OutOfRange)]);

        Assert.That(_standIn.Writes, Is.EqualTo(new[] { $"reading,metric=pm10,station=rrg-school-01 flags=1i,value=12.5 {T0.ToUnixTimeMilliseconds() + 123}" }));
    }

    [TestCase(401, typeof(UnauthorizedException))]
    [TestCase(404, typeof(NotFoundException))]
    [TestCase(503, typeof(ServiceUnavailableException))]
    public void WriteAsync_ServerRefuses_ThrowsSoTheIntakeDoesNotAcknowledge(int status, Type failure)
    {
        _standIn.FailWith = status;

        Assert.That(() => _toStandIn.WriteAsync([new Reading("a", "pm10", T0, 1)]), Throws.InstanceOf(failure));
    }

    [Test]
    public void WriteAsync_NothingListening_Throws()
    {
        using var store = new InfluxReadingStore(new InfluxEndpoint($"http://127.0.0.1:{FreePort.Next()}", "t", "o", "b"), timeout: TimeSpan.FromSeconds(5));

        Assert.That(() => store.WriteAsync([new Reading("a", "pm10", T0, 1)]), Throws.Exception);
    }

    [Test]
    public void WriteAsync_ValueLineProtocolCannotCarry_ThrowsAndSendsNothing()
    {
        var batch = new[] { new Reading("a", "pm10", T0, 1), new Reading("a", "pm10", T0.AddMinutes(1), double.PositiveInfinity) };

        Assert.That(() => _toStandIn.WriteAsync(batch), Throws.ArgumentException.With.Message.Contains("a/pm10"));
        Assert.That(_standIn.Writes, Is.Empty);
    }

    [Test]
    public async Task ReadAsync_AnnotatedCsv_BecomesReadingsOfTheSeries()
    {
        _standIn.QueryResponse = """
            #datatype,string,long,dateTime:RFC3339,double,long
            #group,false,false,false,false,false
            #default,_result,,,,
            ,result,table,_time,value,flags
            ,,0,2026-11-20T00:00:00.123Z,12.5,0
            ,,0,2026-11-20T00:01:00Z,13,3

            """;
        var range = new TimeRange(T0, T0.AddHours(1));

        var readings = new List<Reading>();
        await foreach (var reading in _toStandIn.ReadAsync("rrg-school-01", "pm10", range))
        {
            readings.Add(reading);
        }

        Assert.That(readings, Is.EqualTo(new[]
        {
            new Reading("rrg-school-01", "pm10", T0.AddMilliseconds(123), 12.5),
            new Reading("rrg-school-01", "pm10", T0.AddMinutes(1), 13, QaFlags.OutOfRange | QaFlags.ClockSuspect),
        }));
        Assert.That(_standIn.Queries, Is.EqualTo(new[] { FluxQueries.Readings("moci", "rrg-school-01", "pm10", range) }));
    }

    [Test]
    public async Task ReadRollupsAsync_AnnotatedCsv_KeepsCountsAndHasNoExtremesWithoutValidValues()
    {
        _standIn.QueryResponse = """
            #datatype,string,long,dateTime:RFC3339,long,long,double,double,double
            #group,false,false,false,false,false,false,false,false
            #default,_result,,,,,,,
            ,result,table,_time,count,validCount,validSum,validMin,validMax
            ,,0,2026-11-20T00:00:00Z,3,2,40,10,30
            ,,0,2026-11-20T02:00:00Z,1,0,0,0,0

            """;

        var rollups = new List<Rollup>();
        await foreach (var rollup in _toStandIn.ReadRollupsAsync("a", "pm10", RollupPeriod.Hour, new TimeRange(T0, T0.AddDays(1))))
        {
            rollups.Add(rollup);
        }

        Assert.That(rollups, Is.EqualTo(new[] { new Rollup(T0, 3, 2, 40, 10, 30), new Rollup(T0.AddHours(2), 1, 0, 0, null, null) }));
        Assert.That(_standIn.Queries.Single(), Does.Contain("aggregateWindow(every: 1h,"));
    }

    [Test]
    public async Task LatestAsync_AnnotatedCsv_OneReadingPerSeriesByStationThenMetric()
    {
        _standIn.QueryResponse = """
            #datatype,string,long,dateTime:RFC3339,string,string,double,long
            #group,false,false,false,false,false,false,false
            #default,_result,,,,,,
            ,result,table,_time,station,metric,value,flags
            ,,0,2026-11-20T02:00:00Z,b,pm10,5,0
            ,,0,2026-11-20T01:00:00Z,a,pm10,30,0
            ,,0,2026-11-20T00:00:00Z,a,humidity,101,1

            """;

        var latest = await _toStandIn.LatestAsync();

        Assert.That(latest, Is.EqualTo(new[]
        {
            new Reading("a", "humidity", T0, 101, QaFlags.OutOfRange),
            new Reading("a", "pm10", T0.AddHours(1), 30),
            new Reading("b", "pm10", T0.AddHours(2), 5),
        }));
        Assert.That(_standIn.Queries.Single(), Is.EqualTo(FluxQueries.Latest("moci", null, T0.AddDays(1))), "bounded by the hub's clock");
    }

    [Test]
    public async Task TypicalIntervalAsync_AnnotatedCsv_IsTheMedianGap()
    {
        _standIn.QueryResponse = """
            #datatype,string,long,dateTime:RFC3339
            #group,false,false,false
            #default,_result,,
            ,result,table,_time
            ,,0,2026-11-20T00:00:00Z
            ,,0,2026-11-20T00:01:00Z
            ,,0,2026-11-20T00:02:00Z
            ,,0,2026-11-20T00:12:00Z

            """;

        Assert.That(await _toStandIn.TypicalIntervalAsync("a", "pm10", T0.AddHours(1)), Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(_standIn.Queries.Single(), Does.Contain($"tail(n: {SqliteReadingStore.IntervalSample + 1})"));
    }

    [Test]
    public async Task CountPerSeriesAsync_AnnotatedCsv_CountsByStationAndMetric()
    {
        _standIn.QueryResponse = """
            #datatype,string,long,string,string,long
            #group,false,false,false,false,false
            #default,_result,,,,
            ,result,table,station,metric,_value
            ,,0,a,pm10,1440
            ,,0,b,ph,3

            """;

        var counts = await _toStandIn.CountPerSeriesAsync();

        Assert.That(counts, Is.EquivalentTo(new Dictionary<(string, string), long> { [("a", "pm10")] = 1440, [("b", "ph")] = 3 }));
    }

    [Test]
    public void ReadAsync_QueryRefused_ThrowsWithTheServersReason()
    {
        _standIn.FailWith = 400;

        Assert.That(async () =>
        {
            await foreach (var _ in _toStandIn.ReadAsync("a", "pm10", new TimeRange(T0, T0.AddHours(1))))
            {
            }
        }, Throws.InstanceOf<BadRequestException>().With.Message.Contains("stand-in answers 400"));
    }

    [Test]
    public void VerifyAsync_NothingListening_NamesTheUrl()
    {
        using var store = new InfluxReadingStore(new InfluxEndpoint($"http://127.0.0.1:{FreePort.Next()}", "t", "school", "moci"), timeout: TimeSpan.FromSeconds(5));

        Assert.That(() => store.VerifyAsync("Storage:InfluxDB"), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Url "));
    }

    [Test]
    public void VerifyAsync_TokenRefused_NamesTheToken()
    {
        _standIn.FailWith = 401;

        Assert.That(() => _toStandIn.VerifyAsync("Storage:InfluxDB"), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Token "));
    }

    [Test]
    public void VerifyAsync_NoSuchBucket_NamesTheBucket()
    {
        Assert.That(() => _toStandIn.VerifyAsync("Storage:InfluxDB"), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Bucket 'moci' does not exist"));
    }

    [Test]
    public void VerifyAsync_UnknownOrg_NamesTheOrg()
    {
        _standIn.BucketsJson = Bucket("0000000000000001");

        Assert.That(() => _toStandIn.VerifyAsync("Storage:InfluxDB"), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Org 'school'"));
    }

    [Test]
    public async Task VerifyAsync_BucketOfTheOrg_Passes()
    {
        _standIn.BucketsJson = Bucket("0000000000000001");
        _standIn.OrgsJson = """{"orgs":[{"id":"0000000000000001","name":"school"}]}""";

        await _toStandIn.VerifyAsync("Storage:InfluxDB");

        Assert.That(_standIn.Writes, Is.Empty, "a check writes nothing");
    }

    private static string Bucket(string orgId) =>
        $$"""{"buckets":[{"id":"00000000000000b1","orgID":"{{orgId}}","name":"moci","type":"user","retentionRules":[]}]}""";
}
