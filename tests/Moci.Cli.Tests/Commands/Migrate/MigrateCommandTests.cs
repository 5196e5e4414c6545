using Moci.Cli.Tests.Support;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Cli.Tests.Commands.Migrate;

/// <summary>
/// <c>moci migrate</c> for real against victoria-metrics, which takes InfluxDB.Client's writes; the copy is checked
/// through its /api/v1/export, as it has no Flux for the command's own count (hence --no-verify, and one test of what
/// the command says without it).
/// </summary>
public sealed class MigrateCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    private VictoriaMetrics _victoria = null!;
    private TestCli _cli = null!;
    private string _station = "";

    [OneTimeSetUp]
    public async Task StartVictoria() => _victoria = await VictoriaMetrics.StartAsync();

    [OneTimeTearDown]
    public async Task StopVictoria() => await _victoria.DisposeAsync();

    [SetUp]
    public async Task CreateHub()
    {
        _cli = new TestCli();
        // One server for the fixture: each test copies a station of its own.
        _station = "mig-" + Guid.NewGuid().ToString("N")[..10];
        _cli.Add(_station);
        await WriteAsync(
        [
            .. Enumerable.Range(0, InfluxReadingStoreBatch + 500).Select(i => new Reading(_station, "pm10", T0.AddMinutes(i), i % 40)),
            .. Enumerable.Range(0, 24).Select(i => new Reading(_station, "pm2_5", T0.AddHours(i), i, QaFlags.OutOfRange)),
        ]);
    }

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private const int InfluxReadingStoreBatch = Moci.Ingest.Storage.Influx.InfluxReadingStore.PointsPerRequest;

    private async Task WriteAsync(IReadOnlyList<Reading> readings)
    {
        using var store = new SqliteReadingStore(_cli.DatabasePath, _cli.Time);
        await store.WriteAsync(readings);
    }

    private CliRun Migrate(params string[] more) =>
        _cli.Run(["migrate", "--to", "influxdb", "--url", _victoria.Url, "--token", "t0ken", "--org", "school", "--bucket", "moci", .. more]);

    /// <summary>Readings per metric of this test's station in victoria-metrics, once it holds <paramref name="expected"/> in all.</summary>
    private async Task<Dictionary<string, int>> CountsInVictoriaAsync(int expected)
    {
        var series = await Eventually.Until(
            async () => (await _victoria.ExportAsync("reading_value")).Where(s => s.Labels.GetValueOrDefault("station") == _station).ToList(),
            found => found.Sum(s => s.Values.Count) >= expected,
            TimeSpan.FromSeconds(30),
            found => string.Join("; ", found.Select(s => $"{s.Labels["metric"]}: {s.Values.Count}")));
        return series.ToDictionary(s => s.Labels["metric"], s => s.Values.Count);
    }

    [Test]
    public async Task Migrate_Store_CopiesEveryReadingOfEverySeries()
    {
        var run = Migrate("--no-verify");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"Copied {InfluxReadingStoreBatch + 524:N0} readings"));
        Assert.That(run.Error, Does.Contain("2 of 2 series done"));
        Assert.That(await CountsInVictoriaAsync(InfluxReadingStoreBatch + 524), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["pm10"] = InfluxReadingStoreBatch + 500,
            ["pm2_5"] = 24,
        }));
    }

    [Test]
    public async Task Migrate_RunAgainAfterMoreReadings_CopiesOnlyTheNewOnes()
    {
        Assert.That(Migrate("--no-verify").ExitCode, Is.Zero);
        await WriteAsync([.. Enumerable.Range(0, 10).Select(i => new Reading(_station, "pm2_5", T0.AddDays(1).AddHours(i), i))]);

        var again = Migrate("--no-verify");

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Out, Does.Contain("Copied 10 readings").And.Contain("2 series, 1 of them copied already"));
        Assert.That((await CountsInVictoriaAsync(InfluxReadingStoreBatch + 534))["pm2_5"], Is.EqualTo(34));
    }

    [Test]
    public void Migrate_ServerWithoutFlux_CopiesButSaysItCannotCount()
    {
        var run = Migrate();

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("\n--url: the readings are copied").And.Contain("--no-verify"));
    }

    [Test]
    public void Migrate_NothingAtTheUrl_NamesTheOption()
    {
        var run = _cli.Run("migrate", "--to", "influxdb", "--url", $"http://127.0.0.1:{FreePort.Next()}", "--token", "t", "--org", "o", "--bucket", "b");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("--url: nothing answers as InfluxDB at http://127.0.0.1:"));
    }

    [TestCase("sqlite", "--to: 'sqlite' is not a store moci copies to; use --to influxdb.")]
    public void Migrate_UnknownTarget_NamesTheOption(string target, string message)
    {
        var run = _cli.Run("migrate", "--to", target, "--url", _victoria.Url, "--token", "t", "--org", "o", "--bucket", "b");

        Assert.That((run.ExitCode, run.Error.Trim()), Is.EqualTo((1, message)));
    }
}
