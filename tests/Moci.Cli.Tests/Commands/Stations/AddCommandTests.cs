using System.Text.Json;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Tests.Commands.Stations;

public sealed class AddCommandTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private CliRun AddRiverStation(params string[] extra) => _cli.Run(
        ["stations", "add", "shk-river-02", "--name", "Shkumbin at the bridge", "--kind", "water", "--lat", "41.0755", "--lon", "19.6703", .. extra]);

    [Test]
    public void Add_PrintsASecretThatVerifiesAgainstTheStoredHash()
    {
        var run = AddRiverStation();

        var stored = Registry.Find(_cli.DatabasePath, "shk-river-02");
        var secretLine = run.Out.Split('\n').Select(l => l.Trim()).Single(l => l.Length == 32 && !l.Contains(' ', StringComparison.Ordinal));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(stored?.SecretHash, Is.Not.Null);
        Assert.That(StationSecret.Verify(secretLine, stored!.SecretHash!), Is.True, "the printed secret is the one whose hash is stored");
        Assert.That(run.Out, Does.Not.Contain(stored.SecretHash), "the hash is never printed");
    }

    [Test]
    public void Add_Json_PrintsExactlyTheIdAndTheSecret()
    {
        var run = AddRiverStation("--json");

        using var json = JsonDocument.Parse(run.Out);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        var secret = json.RootElement.GetProperty("secret").GetString()!;
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(names, Is.EqualTo(new[] { "id", "secret" }));
        Assert.That(json.RootElement.GetProperty("id").GetString(), Is.EqualTo("shk-river-02"));
        Assert.That(run.Out.TrimEnd('\n'), Does.Not.Contain('\n'), "one line, nothing else on stdout");
        Assert.That(StationSecret.Verify(secret, Registry.Find(_cli.DatabasePath, "shk-river-02")!.SecretHash!), Is.True);
    }

    [Test]
    public void Add_StoresAnActiveStationWithTheGivenFields()
    {
        AddRiverStation("--initiative", "Clean Shkumbin");

        var stored = Registry.Find(_cli.DatabasePath, "shk-river-02");
        Assert.That(stored?.Station, Is.EqualTo(new Station("shk-river-02", "Shkumbin at the bridge", StationKind.Water, 41.0755, 19.6703, "Clean Shkumbin", StationState.Active)));
        Assert.That(stored!.CreatedAt, Is.EqualTo(TestCli.Now));
    }

    [Test]
    public void Add_TellsHowToPutTheSecretOnTheStation()
    {
        var run = AddRiverStation();

        Assert.That(run.Out, Does.Contain("user name shk-river-02"));
        Assert.That(run.Out, Does.Contain("Simulation__Stations__0__Secret"));
        Assert.That(run.Out, Does.Contain("shown only now"));
    }

    [Test]
    public void Add_NoDatabaseYet_CreatesItAndSaysSoOnStderrOnly()
    {
        var run = AddRiverStation("--json");

        Assert.That(File.Exists(_cli.DatabasePath), Is.True);
        Assert.That(run.Error, Does.Contain("Created the hub database").And.Contain(_cli.DatabasePath));
        Assert.That(() => JsonDocument.Parse(run.Out).Dispose(), Throws.Nothing, "stdout stays pure JSON");
    }

    [Test]
    public void Add_ExistingDatabase_SaysNothingAboutCreatingIt()
    {
        _cli.Add("rrg-school-01");

        var run = AddRiverStation();

        Assert.That(run.Error, Is.Empty);
    }

    [TestCase("stations add Rrg-01 --name x --kind air --lat 1 --lon 1", "ID: the station id 'Rrg-01' contains 'R'")]
    [TestCase("stations add -rrg --name x --kind air --lat 1 --lon 1", "-rrg")]
    [TestCase("stations add rrg-01 --name x --kind fish --lat 1 --lon 1", "--kind: 'fish' is not a station kind; use air, water or mobile")]
    [TestCase("stations add rrg-01 --name x --kind 1 --lat 1 --lon 1", "--kind: '1' is not a station kind")]
    [TestCase("stations add rrg-01 --name x --kind air --lat 90.5 --lon 1", "--lat: 90.5 is out of range; a latitude lies between -90 and 90 degrees")]
    [TestCase("stations add rrg-01 --name x --kind air --lat -91 --lon 1", "--lat: -91 is out of range")]
    [TestCase("stations add rrg-01 --name x --kind air --lat 41,07 --lon 1", "--lat: '41,07' is not a number of degrees")]
    [TestCase("stations add rrg-01 --name x --kind air --lat NaN --lon 1", "--lat: 'NaN' is not a number of degrees")]
    [TestCase("stations add rrg-01 --name x --kind air --lat 1 --lon 180.1", "--lon: 180.1 is out of range; a longitude lies between -180 and 180 degrees")]
    [TestCase("stations add rrg-01 --name x --kind air --lat 1", "Option '--lon' is required")]
    [TestCase("stations add rrg-01 --kind air --lat 1 --lon 1", "Option '--name' is required")]
    [TestCase("stations add --name x --kind air --lat 1 --lon 1", "Required argument 'ID' missing")]
    public void Add_WrongArgument_NamesItSaysWhyAndStoresNothing(string commandLine, string message)
    {
        var run = _cli.Run(commandLine.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument), run.ToString());
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error, Does.Contain("moci stations add --help"));
        Assert.That(run.Out, Is.Empty);
        Assert.That(File.Exists(_cli.DatabasePath), Is.False, "nothing is created for a wrong command");
    }

    [Test]
    public void Add_BlankName_SaysTheNameIsEmpty()
    {
        var run = _cli.Run("stations", "add", "rrg-01", "--name", "  ", "--kind", "air", "--lat", "1", "--lon", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("--name: the name is empty"));
    }

    [Test]
    public void Add_IdAlreadyRegistered_FailsAndKeepsTheFirstSecret()
    {
        var first = _cli.Add("shk-river-02");

        var run = AddRiverStation();

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("ID: a station 'shk-river-02' is already registered").And.Contain("rotate-secret shk-river-02"));
        Assert.That(StationSecret.Verify(first, Registry.Find(_cli.DatabasePath, "shk-river-02")!.SecretHash!), Is.True);
    }
}
