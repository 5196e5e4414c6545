namespace Moci.Bridge.Tests.Commands;

public sealed class SimulateCommandTests
{
    private const string Valid = "simulate --station rrg-school-01 --secret s3cret --broker mqtt://127.0.0.1:1 --interval 1s --data-dir /tmp/moci-bridge-simulate-test";

    [TestCase("--secret s3cret", "", "Option '--secret' is required")]
    [TestCase("--broker mqtt://127.0.0.1:1", "--broker http://hub.local", "--broker: 'http://hub.local' starts with 'http://'")]
    [TestCase("--broker mqtt://127.0.0.1:1", "--broker hub.local:1883", "--broker: 'hub.local:1883' has no scheme")]
    [TestCase("--interval 1s", "--interval 500ms", "--interval: 500ms is not between 1s and 1h")]
    [TestCase("--interval 1s", "--interval 10", "--interval: '10' is not a duration")]
    [TestCase("--station rrg-school-01", "--station \"RRG School\"", "--station:")]
    [TestCase("--station rrg-school-01", "--station", "--station")]
    [TestCase("--data-dir /tmp/moci-bridge-simulate-test", "", "Option '--data-dir' is required")]
    [TestCase("--interval 1s", "--kind Space", "Space")]
    public async Task Run_WrongArgument_ExitsOneNamingIt(string replace, string with, string expected)
    {
        var outcome = await CliRun.RunAsync(Arguments(Valid.Replace(replace, with, StringComparison.Ordinal)));

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Error, Does.Contain(expected).And.Contain("moci-bridge simulate --help"));
    }

    [Test]
    public async Task Run_CaFileWithPlainMqtt_ExitsOneSayingMqtts()
    {
        var outcome = await CliRun.RunAsync(Arguments(Valid + " --ca-file /etc/moci/ca.pem"));

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Error, Does.Contain("--ca-file is given but --broker (mqtt://127.0.0.1:1) is plain MQTT; write mqtts://127.0.0.1:8883"));
    }

    /// <summary>Splits like a shell: on spaces, keeping "quoted words" together.</summary>
    private static string[] Arguments(string line) =>
        [.. System.Text.RegularExpressions.Regex.Matches(line, "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"'))];
}
