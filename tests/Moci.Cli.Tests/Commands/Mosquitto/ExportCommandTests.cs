using Moci.Cli.Mosquitto;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Stations;

namespace Moci.Cli.Tests.Commands.Mosquitto;

public sealed class ExportCommandTests
{
    private TestCli _cli = null!;
    private string _directory = null!;

    [SetUp]
    public void CreateCli()
    {
        _cli = new TestCli();
        _directory = Path.Combine(_cli.Folder, "mosquitto");
    }

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private CliRun Export(params string[] extra) => _cli.Run(["mosquitto", "export", "--dir", _directory, .. extra]);

    private string Read(string file) => File.ReadAllText(Path.Combine(_directory, file));

    [Test]
    public void Export_WritesTheFourFilesIntoTheFolder()
    {
        _cli.Add("rrg-school-01");

        var run = Export();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "passwords", "acl", "ingest.secret", "mosquitto.conf" }));
    }

    [Test]
    public void Export_PasswordFile_HasTheActiveStationsStoredHashesAndTheIntake()
    {
        _cli.Add("rrg-school-01");
        _cli.Add("shk-river-01", "water");
        _cli.Add("old-kit-01", "mobile");
        _cli.Run("stations", "revoke", "old-kit-01");

        Export();

        var lines = Read(MosquittoFiles.Passwords).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.That(lines.Select(l => l.Split(':')[0]), Is.EqualTo(new[] { "moci.ingest", "rrg-school-01", "shk-river-01" }));
        Assert.That(lines, Does.Contain("rrg-school-01:" + Registry.Find(_cli.DatabasePath, "rrg-school-01")!.SecretHash));
    }

    [Test]
    public void Export_IntakeSecret_IsOwnerOnlyAndMatchesTheIntakesPasswordLine()
    {
        _cli.Add("rrg-school-01");

        Export();

        var password = Read(MosquittoFiles.IntakeSecret).Trim();
        var hash = Read(MosquittoFiles.Passwords).Split('\n').Single(l => l.StartsWith("moci.ingest:", StringComparison.Ordinal))["moci.ingest:".Length..];
        Assert.That(StationSecret.Verify(password, hash), Is.True);
        Assert.That(File.GetUnixFileMode(Path.Combine(_directory, MosquittoFiles.IntakeSecret)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(Path.Combine(_directory, MosquittoFiles.Passwords)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Export_Again_KeepsTheIntakeSecretAndAddsNewStations()
    {
        _cli.Add("rrg-school-01");
        Export();
        var first = Read(MosquittoFiles.IntakeSecret);
        _cli.Add("shk-river-01", "water");

        var run = Export();

        Assert.That(Read(MosquittoFiles.IntakeSecret), Is.EqualTo(first), "a running ingest keeps its login");
        Assert.That(Read(MosquittoFiles.Passwords), Does.Contain("shk-river-01:$7$"));
        Assert.That(run.Out, Does.Contain("kept from the previous export"));
    }

    [Test]
    public void Export_Config_PointsAtTheFilesByAbsolutePathAndListensOnThePort()
    {
        _cli.Add("rrg-school-01");

        Export("--port", "18883");

        var config = Read(MosquittoFiles.Config);
        Assert.That(config, Does.Contain("\nlistener 18883\n"));
        Assert.That(config, Does.Contain($"\npassword_file {Path.Combine(_directory, "passwords")}\n"));
        Assert.That(config, Does.Contain($"\nacl_file {Path.Combine(_directory, "acl")}\n"));
        Assert.That(config, Does.Contain($"\npersistence_location {_directory}\n"));
    }

    [Test]
    public void Export_RelativeFolder_IsTakenFromTheCurrentFolder()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("mosquitto", "export", "--dir", "mq");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_cli.Folder, "mq", "mosquitto.conf")), Does.Contain($"acl_file {Path.Combine(_cli.Folder, "mq", "acl")}"));
    }

    [Test]
    public void Export_PrintsWhatItWroteAndHowToStartMosquittoAndTheIngest()
    {
        _cli.Add("rrg-school-01");

        var run = Export("--port", "18883");

        Assert.That(run.Out, Does.Contain("the intake (moci.ingest) and 1 active station(s)"));
        Assert.That(run.Out, Does.Contain($"mosquitto -c {Path.Combine(_directory, "mosquitto.conf")}"));
        Assert.That(run.Out, Does.Contain(
            $"Broker__Embedded=false Broker__Host=localhost Broker__Port=18883 Broker__PasswordFile={Path.Combine(_directory, "ingest.secret")} " +
            $"Storage__DatabasePath={_cli.DatabasePath} dotnet run --project ingest/Moci.Ingest"));
        Assert.That(run.Out, Does.Contain("export again").And.Contain("kill -HUP"));
    }

    [Test]
    public void Export_NoDatabase_FailsWithTheFileNameAndWritesNothing()
    {
        var run = Export();

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(run.Error, Does.Contain(_cli.DatabasePath));
        Assert.That(Directory.Exists(_directory), Is.False);
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("-1")]
    public void Export_PortOutOfRange_NamesTheOption(string port)
    {
        _cli.Add("rrg-school-01");

        var run = Export("--port", port);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain($"--port: {port} is not a TCP port"));
    }

    [Test]
    public void Export_MissingDir_SaysItIsRequired()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("mosquitto", "export");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("Option '--dir' is required"));
    }

    [Test]
    public void Export_DirIsAFile_FailsWithTheFolderName()
    {
        _cli.Add("rrg-school-01");
        File.WriteAllText(_directory, "a file where the folder should be");

        var run = Export();

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles), run.ToString());
        Assert.That(run.Error, Does.StartWith("--dir: cannot write into " + _directory));
    }

    [Test]
    public void Export_ThreeIngests_UsersForEachAndTheirCommonSettingsOwnerOnly()
    {
        _cli.Add("rrg-school-01");

        var run = Export("--ingests", "3");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var users = Read(MosquittoFiles.Passwords).Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(':')[0]);
        Assert.That(users, Is.EqualTo(new[] { "moci.ingest", "moci.ingest.1", "moci.ingest.2", "moci.ingest.3", "rrg-school-01" }));
        Assert.That(Read(MosquittoFiles.Acl), Does.Contain("user moci.ingest.3\ntopic read moci/v1/+/senml\n"));
        var group = SharedGroup.Name(Read(MosquittoFiles.IntakeSecret).Trim());
        Assert.That(Read(MosquittoFiles.IngestEnvironment), Does.Contain($"Broker__SharedSubscriptionGroup={group}\n"));
        Assert.That(File.GetUnixFileMode(Path.Combine(_directory, MosquittoFiles.IngestEnvironment)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(run.Out, Does.Contain("Broker__Username=moci.ingest.N Broker__ClientId=moci-ingest-N"));
    }

    [Test]
    public void Export_Again_KeepsTheSharedGroup()
    {
        _cli.Add("rrg-school-01");
        Export("--ingests", "2");
        var first = Read(MosquittoFiles.IngestEnvironment).Split('\n').Single(l => l.StartsWith("Broker__SharedSubscriptionGroup=", StringComparison.Ordinal));

        Export("--ingests", "2");

        Assert.That(Read(MosquittoFiles.IngestEnvironment), Does.Contain(first + "\n"), "running ingests stay in their group");
    }

    [TestCase("0")]
    [TestCase("65")]
    public void Export_IngestsOutOfRange_NamesTheOption(string ingests)
    {
        _cli.Add("rrg-school-01");

        var run = Export("--ingests", ingests);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("--ingests: " + ingests));
        Assert.That(Directory.Exists(_directory), Is.False, "nothing written");
    }
}
