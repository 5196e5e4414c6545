using Moci.SystemTests.Support;

namespace Moci.SystemTests.Install;

/// <summary>
/// firmware-bridge/systemd/moci-bridge.service as systemd itself reads it (<c>systemd-analyze verify</c>): a misspelt
/// key or a key in the wrong section is only a warning in the journal on the Pi, and the option silently does nothing.
/// </summary>
public sealed class ServiceUnitTests
{
    private const string Analyzer = "/usr/bin/systemd-analyze";

    [Test]
    public async Task Unit_HasNoKeySystemdDoesNotKnow()
    {
        if (!File.Exists(Analyzer))
        {
            Assert.Ignore("systemd-analyze is not installed (package systemd)");
        }

        var unit = Path.Combine(RepositoryRoot.Path, "firmware-bridge", "systemd", "moci-bridge.service");

        var run = await ProcessRun.RunAsync(Analyzer, ["verify", unit], TimeSpan.FromSeconds(60));

        // The program is not installed here, and a container may lack the boot targets: those complaints are expected.
        var complaints = (run.Out + run.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("/opt/moci-bridge/moci-bridge is not executable", StringComparison.Ordinal))
            .Where(line => !line.Contains("sysinit.target", StringComparison.Ordinal));
        Assert.That(complaints, Is.Empty, run.ToString());
    }
}
