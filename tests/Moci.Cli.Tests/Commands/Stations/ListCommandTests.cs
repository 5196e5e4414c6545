using System.Text.Json;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Stations;

namespace Moci.Cli.Tests.Commands.Stations;

public sealed class ListCommandTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    [TestCase]
    [TestCase("--json")]
    public void List_ShowsEveryStation_NeverASecretOrItsHash(params string[] json)
    {
        var secrets = new[] { _cli.Add("rrg-school-01"), _cli.Add("shk-river-01", "water") };
        _cli.Run("stations", "revoke", "shk-river-01");

        var run = _cli.Run(["stations", "list", .. json]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("rrg-school-01").And.Contain("shk-river-01").And.Contain("revoked"));
        Assert.That(run.Out, Does.Not.Contain("$7$"), "no hash");
        foreach (var registered in Registry.All(_cli.DatabasePath))
        {
            Assert.That(run.Out, Does.Not.Contain(registered.SecretHash!.Split('$')[^1]));
        }

        foreach (var secret in secrets)
        {
            Assert.That(run.Out, Does.Not.Contain(secret), "no secret");
        }
    }

    [Test]
    public void List_Json_IsAnArrayOfStationsInRegistrationOrder()
    {
        _cli.Add("shk-river-01", "water");
        _cli.Time.Advance(TimeSpan.FromMinutes(1));
        _cli.Add("rrg-school-01");

        var run = _cli.Run("stations", "list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var stations = json.RootElement.EnumerateArray().ToList();
        Assert.That(stations.Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { "shk-river-01", "rrg-school-01" }));
        Assert.That(stations[0].GetProperty("kind").GetString(), Is.EqualTo("water"));
        Assert.That(stations[0].GetProperty("state").GetString(), Is.EqualTo("active"));
        Assert.That(stations[0].GetProperty("latitude").GetDouble(), Is.EqualTo(41.0755));
        Assert.That(stations[0].EnumerateObject().Select(p => p.Name), Has.None.Contains("secret").And.None.Contains("hash"));
    }

    [Test]
    public void List_Text_IsATableWithAHeader()
    {
        _cli.Add("rrg-school-01");

        var lines = _cli.Run("stations", "list").Out.TrimEnd().Split('\n');

        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("ID").And.Contain("STATE").And.Contain("NAME"));
        Assert.That(lines[1], Does.StartWith("rrg-school-01").And.Contain("active").And.Contain("41.0755").And.EndWith("Station rrg-school-01"));
    }

    [Test]
    public void List_NoStations_SaysHowToAddOne()
    {
        new StationStore(_cli.DatabasePath, _cli.Time).Dispose();

        var run = _cli.Run("stations", "list");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("No stations are registered").And.Contain("moci stations add"));
    }

    [Test]
    public void List_NoDatabase_NamesTheFileSaysHowToFixItAndCreatesNothing()
    {
        var run = _cli.Run("stations", "list");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(run.Error, Does.Contain($"the hub database '{_cli.DatabasePath}' does not exist").And.Contain("--db").And.Contain("moci stations add"));
        Assert.That(File.Exists(_cli.DatabasePath), Is.False);
    }

    [Test]
    public void List_FileIsNotADatabase_NamesTheFile()
    {
        File.WriteAllText(_cli.DatabasePath, "these are notes, not a database, and long enough to have a header");

        var run = _cli.Run("stations", "list");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles), run.ToString());
        Assert.That(run.Error, Does.StartWith("--db:").And.Contain(_cli.DatabasePath));
    }
}
