namespace Moci.Bridge.Tests.Commands;

public sealed class BridgeCliTests
{
    [Test]
    public async Task Run_NoCommand_ExitsOneListingTheCommands()
    {
        var outcome = await CliRun.RunAsync([]);

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Error, Does.Contain("Commands: run, check, simulate.").And.Contain("moci-bridge --help"));
    }

    [Test]
    public async Task Run_UnknownCommand_ExitsOne()
    {
        var outcome = await CliRun.RunAsync(["start"]);

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Error, Does.Contain("start"));
    }

    [TestCase("--help", "Exit codes:")]
    [TestCase("run --help", "--config")]
    [TestCase("check --help", "table of what works")]
    [TestCase("simulate --help", "--data-dir")]
    public async Task Run_Help_ExitsZeroAndDescribes(string args, string expected)
    {
        var outcome = await CliRun.RunAsync(args.Split(' '));

        Assert.That(outcome.ExitCode, Is.Zero);
        Assert.That(outcome.Out, Does.Contain(expected));
    }
}
