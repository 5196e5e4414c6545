using Moci.Cli.Tests.Support;

namespace Moci.Cli.Tests;

public sealed class DatabaseOptionTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private static readonly string[] AddStation = ["stations", "add", "rrg-school-01", "--name", "School", "--kind", "air", "--lat", "41", "--lon", "19", "--json"];

    [Test]
    public void NoDbOption_UsesTheMociDbVariable()
    {
        var path = Path.Combine(_cli.Folder, "elsewhere", "hub.db");
        _cli.Environment["MOCI_DB"] = path;

        var run = _cli.RunExactly(AddStation);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Registry.Find(path, "rrg-school-01"), Is.Not.Null);
    }

    [Test]
    public void NoDbOptionNoVariable_UsesTheReadmeHubsFileUnderTheCurrentFolder()
    {
        var run = _cli.RunExactly(AddStation);

        var path = Path.Combine(_cli.Folder, "dashboard", "Moci.Dashboard", "data", "moci.db");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Registry.Find(path, "rrg-school-01"), Is.Not.Null);
    }

    [Test]
    public void DbOption_WinsOverTheVariable_AndARelativePathIsTakenFromTheCurrentFolder()
    {
        _cli.Environment["MOCI_DB"] = Path.Combine(_cli.Folder, "from-variable.db");

        var run = _cli.RunExactly([.. AddStation, "--db", "given.db"]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.Exists(Path.Combine(_cli.Folder, "given.db")), Is.True);
        Assert.That(File.Exists(Path.Combine(_cli.Folder, "from-variable.db")), Is.False);
    }

    [Test]
    public void DbOption_BeforeTheCommand_IsAcceptedToo()
    {
        var run = _cli.RunExactly(["--db", "first.db", .. AddStation]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.Exists(Path.Combine(_cli.Folder, "first.db")), Is.True);
    }

    [Test]
    public void DbOption_Empty_SaysSo()
    {
        var run = _cli.RunExactly([.. AddStation, "--db", " "]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("--db: the path is empty"));
    }
}
