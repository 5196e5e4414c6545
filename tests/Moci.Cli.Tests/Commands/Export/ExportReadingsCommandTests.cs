using System.Text;
using CsvHelper;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Exports;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Cli.Tests.Commands.Export;

public sealed class ExportReadingsCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 0, 0, 0, TimeSpan.Zero);

    private TestCli _cli = null!;

    [SetUp]
    public async Task Seed()
    {
        _cli = new TestCli();
        _cli.Add("rrg-school-01");
        using var store = new SqliteReadingStore(_cli.DatabasePath, _cli.Time);
        await store.WriteAsync(Enumerable.Range(0, 3).Select(i => new Reading("rrg-school-01", "temperature", T0.AddHours(i), -1.5 * i)).ToList());
    }

    [TearDown]
    public void DisposeCli() => _cli.Dispose();

    [Test]
    public void Export_Csv_WritesTheReadingsWithTheLicenceToTheFile()
    {
        var run = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--from", "2026-11-19T00:00:00Z", "--to", "2026-11-20T00:00:00Z", "--output", "t.csv");

        var path = Path.Combine(_cli.Folder, "t.csv");
        using var csv = CsvReader.Create(File.ReadAllBytes(path), CsvDialects.ReaderOptions(CsvDialect.Rfc4180));
        var values = new List<double>();
        while (csv.Read())
        {
            values.Add(csv.Parse<double>(7));
        }

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Is.EqualTo($"Exported 3 rows of 1 series to {path} (licence CC BY 4.0).{Environment.NewLine}"));
            Assert.That(values, Is.EqualTo(new[] { 0, -1.5, -3 }));
            Assert.That(File.ReadLines(path).First(), Does.StartWith("# Licence: CC BY 4.0"));
            Assert.That(File.Exists(path + ".partial"), Is.False);
        });
    }

    [Test]
    public void Export_NoOutput_NamesTheFileForWhatIsInIt()
    {
        var run = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature,pm2_5", "--layout", "wide", "--dialect", "spreadsheet");

        var expected = Path.Combine(_cli.Folder, "moci_rrg-school-01_temperature-pm2_5_20261119T0930Z_20261120T0930Z_wide.csv");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(File.Exists(expected), Is.True, run.ToString());
            Assert.That(File.ReadAllBytes(expected)[..3], Is.EqualTo(Encoding.UTF8.Preamble.ToArray()));
        });
    }

    [Test]
    public void Export_OwnLicence_IsStatedInTheFile()
    {
        var run = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--output", "t.json", "--format", "json",
            "--licence", "ODbL 1.0", "--licence-url", "https://opendatacommons.org/licenses/odbl/1-0/", "--attribution", "Rrogozhina school");

        var text = File.ReadAllText(Path.Combine(_cli.Folder, "t.json"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(text, Does.StartWith("{\"licence\":{\"name\":\"ODbL 1.0\",\"url\":\"https://opendatacommons.org/licenses/odbl/1-0/\",\"attribution\":\"Rrogozhina school\"}"));
        });
    }

    [Test]
    public void Export_ResolutionHour_WritesOneRowPerHourFromTheRollups()
    {
        var run = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--from", "2026-11-19T00:00:00Z", "--to", "2026-11-20T00:00:00Z",
            "--resolution", "hour", "--output", "h.csv");

        using var csv = CsvReader.Create(File.ReadAllBytes(Path.Combine(_cli.Folder, "h.csv")), CsvDialects.ReaderOptions(CsvDialect.Rfc4180));
        var rows = new List<(string Resolution, string Start, string Min, string Count, string Incomplete)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString(5), csv.GetString(6), csv.GetString(9), csv.GetString(12), csv.GetString(15)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(csv.Headers.Skip(5).Take(3), Is.EqualTo(new[] { "resolution", "timestamp_utc", "timestamp_local" }));
            Assert.That(rows, Is.EqualTo(new[]
            {
                ("hour", "2026-11-19T00:00:00.000Z", "0", "1", "0"),
                ("hour", "2026-11-19T01:00:00.000Z", "-1.5", "1", "0"),
                ("hour", "2026-11-19T02:00:00.000Z", "-3", "1", "0"),
            }), "one reading an hour is a complete hour");
        });
    }

    [Test]
    public void Export_UnknownResolution_NamesTheOption()
    {
        var run = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--resolution", "minute");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero);
            Assert.That(run.Error, Does.Contain("--resolution: Unknown resolution 'minute'. Use raw or hour or day"));
        });
    }

    [Test]
    public void Export_ExistingFile_IsKeptWithoutForce()
    {
        var path = Path.Combine(_cli.Folder, "t.csv");
        File.WriteAllText(path, "mine");

        var refused = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--output", "t.csv");
        var kept = File.ReadAllText(path);
        var forced = _cli.Run("export", "--station", "rrg-school-01", "--metric", "temperature", "--output", "t.csv", "--force");

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("--output: '" + path + "' exists"));
            Assert.That(kept, Is.EqualTo("mine"));
            Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
            Assert.That(File.ReadAllText(path), Does.StartWith("# Licence"));
        });
    }

    [TestCase("--station", "nowhere-9", "--station: No station 'nowhere-9' is registered on this hub; `moci stations list` lists them.")]
    [TestCase("--metric", "pm3", "--metric: Unknown metric 'pm3'.")]
    [TestCase("--tz", "Mars/Olympus", "--tz: 'Mars/Olympus' is not a time zone")]
    [TestCase("--licence-url", "our website", "--licence-url must be an absolute http(s) URL")]
    public void Export_BadOption_IsNamedAndNothingWritten(string option, string value, string message)
    {
        string[] args = ["export", "--station", "rrg-school-01", "--metric", "temperature", "--output", "t.csv"];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        var run = _cli.Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain(message));
            Assert.That(File.Exists(Path.Combine(_cli.Folder, "t.csv")), Is.False);
        });
    }
}
