using Moci.Cli.Tests.Support;

namespace Moci.Cli.Tests;

public sealed class MociCliTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    [TestCase("", "registers stations", "--db")]
    [TestCase("stations", "Register stations", "rotate-secret")]
    [TestCase("stations add", "Register an active station", "--kind <air|water|mobile>")]
    [TestCase("stations list", "List the registered stations", "--json")]
    [TestCase("stations show", "Show one station", "<ID>")]
    [TestCase("stations rotate-secret", "old secret stops working", "<ID>")]
    [TestCase("stations revoke", "within 10 seconds", "<ID>")]
    [TestCase("mosquitto", "external Mosquitto", "export")]
    [TestCase("mosquitto export", "kill -HUP", "--port <PORT>")]
    public void Help_EachCommand_DescribesItAndItsArguments(string command, string description, string usage)
    {
        var run = _cli.RunExactly([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("Usage:").And.Contain(description).And.Contain(usage));
    }

    [Test]
    public void Help_Root_ListsTheExitCodes()
    {
        var run = _cli.RunExactly("--help");

        Assert.That(run.Out, Does.Contain("Exit codes:").And.Contain("0  done").And.Contain("1  a wrong argument").And.Contain("2  the database"));
    }

    [Test]
    public void Help_Db_SaysWhichFileIsTheDefault()
    {
        var run = _cli.RunExactly("--help");

        Assert.That(run.Out, Does.Contain("$MOCI_DB").And.Contain("dashboard/Moci.Dashboard/data/moci.db"));
    }

    [Test]
    public void NoCommand_ListsTheCommandsAndFails()
    {
        var run = _cli.RunExactly("stations");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("add, list, show, rotate-secret, revoke").And.Contain("moci stations --help"));
    }

    [Test]
    public void UnknownOption_IsNamedAndFails()
    {
        var run = _cli.Run("stations", "list", "--colour");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("--colour"));
    }
}
