using Moci.Bridge.Tests.Configuration;

namespace Moci.Bridge.Tests.Commands;

public sealed class RunCommandTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [Test]
    public async Task Run_MissingSecret_StopsBeforeStartingWithExitTwoNamingTheSetting()
    {
        var path = _config.Write("""
            {
              "station": { "id": "rrg-school-01" },
              "broker": { "uri": "mqtt://127.0.0.1:1" },
              "outbox": { "dataDir": "/tmp/moci-bridge-run-test" }
            }
            """);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var outcome = await CliRun.RunAsync(["run", "--config", path], cancellationToken: deadline.Token);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Error, Does.Contain("station:secret is missing"));
    }

    [Test]
    public async Task Run_BrokenJson_ExitsTwoNamingTheLine()
    {
        var path = _config.Write("{\n \"station\": {\n }}}");

        var outcome = await CliRun.RunAsync(["run", "--config", path]);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Error, Does.Contain("not valid JSON at line 3"));
    }
}
