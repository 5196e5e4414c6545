using System.Text.Json;
using Microsoft.Data.Sqlite;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Cli.Tests.Commands.Rollups;

public sealed class RebuildCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

    private TestCli _cli = null!;

    [SetUp]
    public async Task CreateHub()
    {
        _cli = new TestCli();
        _cli.Add("rrg-school-01");
        using var store = new SqliteReadingStore(_cli.DatabasePath, _cli.Time);
        await store.WriteAsync(
        [
            .. Enumerable.Range(0, 2 * 24 * 12).Select(i => new Reading("rrg-school-01", "pm10", T0.AddMinutes(5 * i), i % 40)),
            .. Enumerable.Range(0, 24).Select(i => new Reading("rrg-school-01", "pm2_5", T0.AddHours(i), i)),
        ]);
    }

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    [Test]
    public async Task Rebuild_TamperedRollup_IsCorrectedAndReported()
    {
        Execute("UPDATE rollups_hour SET valid_sum = valid_sum + 1000 WHERE series = (SELECT id FROM series WHERE metric = 'pm10') AND start = (SELECT min(start) FROM rollups_hour)");

        var run = _cli.Run("rollups", "rebuild");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("2 series (600 readings)").And.Contain("corrected 1 hourly and 0 daily"));
        Assert.That(run.Error, Does.Contain("2 of 2 series done"));
        Assert.That((await HourAsync(T0)).ValidSum, Is.EqualTo(Enumerable.Range(0, 12).Sum(i => i % 40)), "the hour is right again");
    }

    [Test]
    public void Rebuild_OneMetricAsJson_CountsOnlyItsSeries()
    {
        var run = _cli.Run("rollups", "rebuild", "--metric", "pm2_5", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(json.RootElement.GetProperty("series").GetInt32(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("readings").GetInt64(), Is.EqualTo(24));
        Assert.That(json.RootElement.GetProperty("hours").GetInt64(), Is.EqualTo(24));
        Assert.That(json.RootElement.GetProperty("hoursCorrected").GetInt64(), Is.Zero);
    }

    [Test]
    public void Rebuild_StationWithoutSeries_SaysSoAndFails()
    {
        var run = _cli.Run("rollups", "rebuild", "--station", "shk-river-01");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("No series of station 'shk-river-01'"));
    }

    [Test]
    public void Rebuild_NoDatabase_NamesTheFile()
    {
        var run = _cli.RunExactly("rollups", "rebuild", "--db", Path.Combine(_cli.Folder, "missing.db"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("missing.db").And.Contain("does not exist"));
    }

    private async Task<Rollup> HourAsync(DateTimeOffset start)
    {
        using var store = new SqliteReadingStore(_cli.DatabasePath, _cli.Time);
        await foreach (var rollup in store.ReadRollupsAsync("rrg-school-01", "pm10", RollupPeriod.Hour, new TimeRange(start, start.AddHours(1))))
        {
            return rollup;
        }

        throw new AssertionException($"no hourly rollup at {start:O}");
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
