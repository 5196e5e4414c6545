using System.Globalization;
using Moci.SystemTests.Support;
using Moci.Telemetry.Protocol;

namespace Moci.SystemTests;

/// <summary>
/// The ingest as its own process with its embedded broker's TLS listener (a throw-away CA and server certificate),
/// a station registered with the built <c>moci</c> command line, and <c>mosquitto_pub --cafile ca.pem -u ID -P
/// SECRET</c> as docs/security.md shows it: a reading sent over TLS is stored; a client that does not trust the CA
/// does not get through, and nothing it sent is stored.
/// </summary>
[NonParallelizable]
public sealed class EmbeddedBrokerTlsTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Yesterday = new(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);

    private string _folder = null!;
    private TestCertificates _certificates = null!;
    private string _secret = null!;
    private int _tlsPort;
    private ChildProcess _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _folder = Path.Combine(Path.GetTempPath(), "moci-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _certificates = TestCertificates.Create(_folder);
        var database = Path.Combine(_folder, "hub.db");
        _secret = await MociCommand.AddStationAsync(database, Station);
        _tlsPort = FreePort.Next();
        _hub = Hub.RunIngest(new Dictionary<string, string>
        {
            ["Broker__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Broker__TlsPort"] = _tlsPort.ToString(CultureInfo.InvariantCulture),
            ["Broker__TlsCertificatePath"] = _certificates.CertificatePath,
            ["Broker__TlsKeyPath"] = _certificates.KeyPath,
            ["Storage__DatabasePath"] = database,
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

    private Task<ProcessRun> PublishOverTlsAsync(DateTimeOffset at, params string[] trust) => MosquittoPub.PublishOnceAsync(
        _tlsPort, Station, _secret, WireTopics.Readings(Station),
        string.Create(CultureInfo.InvariantCulture, $$"""[{"bn":"{{WireProtocol.BaseName(Station)}}","bt":{{at.ToUnixTimeSeconds()}},"n":"pm2_5","u":"ug/m3","v":12.5}]"""),
        ["-h", "localhost", .. trust]);

    private Task<int> StoredAsync(DateTimeOffset at) => IngestApi.CountReadingsAsync(_hub, Station, "pm2_5", at, at.AddMinutes(1));

    [Test]
    public async Task MosquittoPub_TrustingTheCa_PublishesOverTls_AndTheReadingIsStored()
    {
        var at = Yesterday.AddHours(1);

        var published = await PublishOverTlsAsync(at, "--cafile", _certificates.CaPath);

        Assert.That(published.ExitCode, Is.Zero, published.ToString());
        var stored = await Eventually.ReachesAsync(() => StoredAsync(at), n => n > 0, Timeout, $"the reading sent over TLS stored\n{_hub.Output}");
        Assert.That(stored, Is.EqualTo(1));
    }

    [TestCase("another CA", 2)]
    [TestCase("the system's CAs", 4)]
    public async Task MosquittoPub_NotTrustingTheCa_IsRefused_AndNothingItSentIsStored(string trusting, int hour)
    {
        var refusedAt = Yesterday.AddHours(hour);
        var laterAt = Yesterday.AddHours(hour + 1);
        var trust = trusting == "another CA"
            ? ["--cafile", TestCertificates.Create(Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName).CaPath]
            : new[] { "--capath", "/etc/ssl/certs" };

        // -d: mosquitto_pub then prints why OpenSSL gave up.
        var refused = await PublishOverTlsAsync(refusedAt, [.. trust, "-d"]);
        // Published after the refused attempt and stored: had the first gone through, it would be stored by now.
        var trusted = await PublishOverTlsAsync(laterAt, "--cafile", _certificates.CaPath);
        await Eventually.ReachesAsync(() => StoredAsync(laterAt), n => n > 0, Timeout, $"the reading sent over TLS stored\n{_hub.Output}");

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
        Assert.That(refused.Out + refused.Error, Does.Contain("certificate verify failed"), refused.ToString());
        Assert.That(trusted.ExitCode, Is.Zero, trusted.ToString());
        Assert.That(await StoredAsync(refusedAt), Is.Zero);
    }
}
