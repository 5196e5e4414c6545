using System.Globalization;
using Moci.SystemTests.Support;

namespace Moci.SystemTests;

/// <summary>
/// <c>moci-bridge simulate</c> as a real child process against a real hub (the built ingest with its embedded broker,
/// plain and TLS listeners, a station registered with the built <c>moci</c> command line): the simulated station's
/// readings, one a second, are stored by the hub, with plain MQTT and with TLS trusting the hub's own CA.
/// </summary>
[NonParallelizable]
public sealed class MociBridgeSimulateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private string _folder = null!;
    private TestCertificates _certificates = null!;
    private string _database = null!;
    private int _port;
    private int _tlsPort;
    private ChildProcess _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _folder = Path.Combine(Path.GetTempPath(), "moci-bridge-simulate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _certificates = TestCertificates.Create(_folder);
        _database = Path.Combine(_folder, "hub.db");
        _port = FreePort.Next();
        _tlsPort = FreePort.Next();
        _hub = Hub.RunIngest(new Dictionary<string, string>
        {
            ["Broker__Port"] = _port.ToString(CultureInfo.InvariantCulture),
            ["Broker__TlsPort"] = _tlsPort.ToString(CultureInfo.InvariantCulture),
            ["Broker__TlsCertificatePath"] = _certificates.CertificatePath,
            ["Broker__TlsKeyPath"] = _certificates.KeyPath,
            ["Storage__DatabasePath"] = _database,
        });
        await IngestApi.WaitUntilReadyAsync(_hub, Timeout);
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _hub.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [TestCase("plain", "rrg-school-02")]
    [TestCase("tls", "rrg-school-03")]
    public async Task Simulate_AgainstARealHub_ItsReadingsAreStoredOneASecond(string transport, string station)
    {
        var secret = await MociCommand.AddStationAsync(_database, station);
        var broker = transport == "tls"
            ? ["--broker", $"mqtts://localhost:{_tlsPort}", "--ca-file", _certificates.CaPath]
            : new[] { "--broker", $"mqtt://127.0.0.1:{_port}" };
        var started = DateTimeOffset.UtcNow;

        using var bridge = BridgeCommand.Start(
            ["simulate", "--station", station, "--secret", secret, .. broker, "--interval", "1s", "--data-dir", Path.Combine(_folder, station)]);
        var stored = await Eventually.ReachesAsync(
            () => StoredAsync(station, started),
            readings => readings.Count >= 5,
            Timeout,
            $"five pm2_5 readings of {station} stored\nbridge:\n{bridge.Output}\nhub:\n{_hub.Output}");

        Assert.That(bridge.HasExited, Is.False, bridge.Output);
        Assert.That(Path.Combine(_folder, station, $"outbox-{station}.db"), Does.Exist, "the readings wait in the outbox on disk in --data-dir");
        var times = stored.Select(r => r.Timestamp).ToList();
        Assert.That(times, Is.Unique.And.Ordered);
        Assert.That(times, Has.All.Matches<DateTimeOffset>(t => t.Millisecond == 0 && t >= started.AddSeconds(-1)), "samples on the one-second grid, taken after the start");
        Assert.That(stored, Has.All.Matches<(DateTimeOffset, double? Value)>(r => r.Value is > 0 and < 1000));
    }

    [Test]
    public async Task Simulate_WrongSecret_StoresNothingAndSaysWhyInItsLog()
    {
        const string station = "rrg-school-04";
        await MociCommand.AddStationAsync(_database, station);
        var started = DateTimeOffset.UtcNow;

        using var bridge = BridgeCommand.Start(
            "simulate", "--station", station, "--secret", "not-the-secret", "--broker", $"mqtt://127.0.0.1:{_port}", "--interval", "1s", "--data-dir", Path.Combine(_folder, station));
        await Eventually.ReachesAsync(
            () => Task.FromResult(bridge.Output),
            output => output.Contains("BadUserNameOrPassword", StringComparison.Ordinal) || output.Contains("NotAuthorized", StringComparison.Ordinal),
            Timeout,
            "the refusal logged by the bridge");

        Assert.That(await StoredAsync(station, started), Is.Empty);
        Assert.That(bridge.HasExited, Is.False, "the bridge keeps trying, as a station does after its secret is fixed on the hub");
    }

    /// <summary>The pm2_5 readings of <paramref name="station"/> since shortly before <paramref name="started"/>; none while the hub does not know the station yet (it reads the registry every few seconds).</summary>
    private async Task<List<(DateTimeOffset Timestamp, double? Value)>> StoredAsync(string station, DateTimeOffset started)
    {
        try
        {
            return await IngestApi.ReadingsAsync(_hub, station, "pm2_5", started.AddMinutes(-1), started.AddMinutes(5));
        }
        catch (HttpRequestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
    }
}
