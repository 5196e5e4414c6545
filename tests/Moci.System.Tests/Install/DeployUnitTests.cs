using Moci.SystemTests.Support;

namespace Moci.SystemTests.Install;

/// <summary>
/// The hub's systemd units under deploy/ (docs/deployment.md) as systemd itself reads them (<c>systemd-analyze
/// verify</c>): a misspelt key or a key in the wrong section is only a warning in the journal, and the option silently
/// does nothing. A template (<c>name@.service</c>) is read only through an instance, so it is verified as one.
/// </summary>
public sealed class DeployUnitTests
{
    private const string Analyzer = "/usr/bin/systemd-analyze";

    private static string Deploy => Path.Combine(RepositoryRoot.Path, "deploy");

    /// <summary>Every unit file under deploy/, relative to it.</summary>
    public static IEnumerable<string> Units() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "deploy"), "*.service", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "deploy"), f))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Deploy_HasAUnitForEachShape()
    {
        Assert.That(Units(), Is.SupersetOf(new[]
        {
            Path.Combine("pi", "moci-hub.service"),
            Path.Combine("mosquitto", "moci-mosquitto.service"),
            Path.Combine("mosquitto", "moci-hub.service"),
            Path.Combine("cluster", "moci-ingest@.service"),
            Path.Combine("cluster", "moci-dashboard@.service"),
        }));
    }

    [TestCaseSource(nameof(Units))]
    public async Task Unit_HasNoKeySystemdDoesNotKnow(string unit)
    {
        if (!File.Exists(Analyzer))
        {
            Assert.Ignore("systemd-analyze is not installed (package systemd)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "moci-units-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var name = Path.GetFileName(unit);
            File.Copy(Path.Combine(Deploy, unit), Path.Combine(folder, name));
            var verified = name;
            if (name.EndsWith("@.service", StringComparison.Ordinal))
            {
                // An instance named like the ones the documentation enables: an ingest number, a dashboard port.
                verified = name.Replace("@.service", name.StartsWith("moci-dashboard", StringComparison.Ordinal) ? "@5090.service" : "@1.service", StringComparison.Ordinal);
                File.CreateSymbolicLink(Path.Combine(folder, verified), name);
            }

            var run = await ProcessRun.RunAsync(Analyzer, ["verify", Path.Combine(folder, verified)], TimeSpan.FromSeconds(60));

            // The programs are not installed here, and a container may lack the boot targets: those complaints are expected.
            var complaints = (run.Out + run.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.Contains("is not executable", StringComparison.Ordinal))
                .Where(line => !line.Contains("sysinit.target", StringComparison.Ordinal));
            Assert.That(complaints, Is.Empty, run.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
