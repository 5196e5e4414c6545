using Moci.Cli.Tests.Import;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Exports;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Cli.Tests.Commands.Import;

public sealed class ImportCommandTests
{
    private static readonly DateTimeOffset Day = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DisposeCli() => _cli.Dispose();

    [Test]
    public async Task Import_Sds011_RegistersAnExternalReferenceStationAndStoresPm10AndPm25()
    {
        var run = _cli.Run("import", Samples.Sds011);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var stations = new StationStore(_cli.DatabasePath, _cli.Time);
        var station = stations.Find("sc-12345")!;
        Assert.Multiple(async () =>
        {
            Assert.That(station.Station.Name, Is.EqualTo("Sensor.Community SDS011 #12345 (external)"));
            Assert.That(ExternalSource.Of(station.Station), Is.SameAs(ExternalSource.SensorCommunity));
            Assert.That(station.SecretHash, Is.Null, "an external station never connects");
            Assert.That((station.Station.Latitude, station.Station.Longitude), Is.EqualTo((41.328, 19.818)));
            Assert.That(await ValuesAsync("sc-12345", "pm10"), Is.EqualTo(new[] { (21.43, QaFlags.None), (19.90, QaFlags.None), (1999.9, QaFlags.OutOfRange) }));
            Assert.That(await ValuesAsync("sc-12345", "pm2_5"), Is.EqualTo(new[] { (12.10, QaFlags.None), (10.05, QaFlags.None), (850.2, QaFlags.OutOfRange) }));
        });
    }

    [Test]
    public void Import_BadRows_AreReportedByLineCountedAndTheRestImported()
    {
        var run = _cli.Run("import", Samples.Sds011);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.Contain("8 rows read, 6 readings stored (0 already stored, 0 conflicts with stored values, 2 flagged out_of_range), 5 rows refused."));
            Assert.That(run.Out, Does.Contain("  line 3: P1 'n/a' is not a number."));
            Assert.That(run.Out, Does.Contain("  line 9: 10 fields where the header has 12."));
            Assert.That(run.Out, Does.Contain("Registered external reference station sc-12345"));
        });
    }

    [Test]
    public void Import_TheSameFileTwice_StoresNothingTwice()
    {
        _cli.Run("import", Samples.Sds011, Samples.Dht22);

        var again = _cli.Run("import", Samples.Dht22);

        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.Zero, again.ToString());
            Assert.That(again.Out, Does.Contain("2 rows read, 0 readings stored (4 already stored"));
            Assert.That(again.Out, Does.Not.Contain("Registered"));
        });
    }

    [Test]
    public async Task Import_Bme280_StoresPressureInHectopascal()
    {
        var run = _cli.Run("import", Samples.Bme280);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var pressure = await ValuesAsync("sc-12347", "pressure");
        Assert.That(pressure.Single().Value, Is.EqualTo(1006.1325).Within(1e-9));
    }

    [Test]
    public async Task Import_IdTakenByANetworkStation_LeavesItsRowsOutAndSaysWhy()
    {
        _cli.Add("sc-12346");

        var run = _cli.Run("import", Samples.Dht22);

        Assert.Multiple(async () =>
        {
            Assert.That(run.Out, Does.Contain("line 2: the station id sc-12346 is taken by a station that is not a Sensor.Community import"));
            Assert.That(run.Out, Does.Contain("2 rows refused"));
            Assert.That(await ValuesAsync("sc-12346", "temperature"), Is.Empty);
        });
    }

    [Test]
    public void Import_NotAnArchiveFile_FailsThatFileAndImportsTheOthers()
    {
        var other = Path.Combine(_cli.Folder, "readings.csv");
        File.WriteAllText(other, "station,metric,value\r\nrrg-school-01,pm2_5,3\r\n");

        var run = _cli.Run("import", other, Samples.Dht22);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Out, Does.Contain($"{other}: not imported: it has no column sensor_id, sensor_type, timestamp"));
            Assert.That(run.Out, Does.Contain("2 rows read, 4 readings stored"));
        });
    }

    [Test]
    public void Import_MissingFile_ImportsNothingAndNamesIt()
    {
        var run = _cli.Run("import", Samples.Dht22, "nowhere.csv");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("nowhere.csv' does not exist; nothing was imported."));
        });
    }

    private async Task<List<(double Value, QaFlags Flags)>> ValuesAsync(string station, string metric)
    {
        using var store = new SqliteReadingStore(_cli.DatabasePath, _cli.Time);
        var values = new List<(double, QaFlags)>();
        await foreach (var reading in store.ReadAsync(station, metric, new TimeRange(Day, Day.AddDays(1))))
        {
            values.Add((reading.Value, reading.Flags));
        }

        return values;
    }
}
