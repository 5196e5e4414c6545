using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Moci.SystemTests.Support;
using Moci.Telemetry.Protocol;

namespace Moci.SystemTests;

/// <summary>
/// The built <c>moci</c> command line (<c>dotnet path/to/moci.dll</c>) against a running hub with its embedded
/// broker: a station added by the command line can log in at once with <c>mosquitto_pub</c>; a revoked one is
/// disconnected within 10 s and refused afterwards; a rotated secret replaces the old one. No restart.
/// </summary>
[NonParallelizable]
public sealed class MociCommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RevocationLimit = TimeSpan.FromSeconds(10);

    private string _folder = null!;
    private int _brokerPort;
    private ChildProcess _hub = null!;
    private HttpClient _http = null!;

    private string Database => Path.Combine(_folder, "hub.db");

    [OneTimeSetUp]
    public async Task StartHub()
    {
        _folder = Path.Combine(Path.GetTempPath(), "moci-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _brokerPort = FreePort.Next();
        _hub = Hub.RunIngest(new Dictionary<string, string>
        {
            ["Broker__Port"] = _brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Storage__DatabasePath"] = Database,
        });
        _http = new HttpClient { BaseAddress = await _hub.Listening.WaitAsync(Timeout) };
        await FreePort.WaitUntilListeningAsync(_brokerPort, Timeout);
    }

    [OneTimeTearDown]
    public void StopHub()
    {
        _http?.Dispose();
        _hub.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Waits until the running hub has re-read the registry and knows the station (it does every 2 s).</summary>
    private async Task WaitUntilKnown(string station)
    {
        var since = Stopwatch.StartNew();
        while ((await _http.GetAsync($"/api/v1/stations/{station}")).StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            Assert.That(since.Elapsed, Is.LessThan(Timeout), $"the hub did not pick up {station} from its database\n{_hub.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the hub shows the station online (it has its retained status); fails with what it last showed.</summary>
    private async Task WaitUntilOnline(string station)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var last = "";
        while (!deadline.IsCancellationRequested)
        {
            last = await _http.GetStringAsync($"/api/v1/stations/{station}", CancellationToken.None);
            using var json = JsonDocument.Parse(last);
            if (json.RootElement.GetProperty("online").ValueKind == JsonValueKind.True)
            {
                return;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        Assert.Fail($"{station} not online within {Timeout}; the hub shows {last}\n{_hub.Output}");
    }

    [Test]
    public async Task AddedStation_LogsIn_RevokeClosesItsConnectionWithin10Seconds_AndRefusesItAfterwards()
    {
        const string station = "cli-school-01";
        var secret = await MociCommand.AddStationAsync(Database, station);
        await WaitUntilKnown(station);
        using var connection = MosquittoPub.StartLineMode(_brokerPort, station, secret, WireTopics.Status(station));
        await connection.Printed("received CONNACK (0)").WaitAsync(Timeout);
        await connection.PublishLineAsync(WireProtocol.Online);
        await WaitUntilOnline(station);

        var revoke = await MociCommand.RunAsync("--db", Database, "stations", "revoke", station);
        var sinceRevoked = Stopwatch.StartNew();
        // mosquitto_pub connects again as soon as its connection is closed, so the hub's refusal of that attempt
        // shows both: the connection was closed, and a new one is refused.
        var refused = connection.Printed("Connection Refused: not authorised");
        var closedInTime = await Task.WhenAny(refused, Task.Delay(RevocationLimit)) == refused;
        sinceRevoked.Stop();
        var again = await MosquittoPub.PublishOnceAsync(_brokerPort, station, secret, WireTopics.Status(station), WireProtocol.Online);

        TestContext.Out.WriteLine($"connection closed and refused {sinceRevoked.Elapsed.TotalSeconds:F1} s after `moci stations revoke` returned");
        Assert.That(revoke.ExitCode, Is.Zero, revoke.ToString());
        Assert.That(closedInTime, Is.True, $"still connected {RevocationLimit} after the revocation\n{connection.Output}\n{_hub.Output}");
        Assert.That(again.ExitCode, Is.Not.Zero, again.ToString());
        Assert.That(again.Error, Does.Contain("not authorised"));
        Assert.That(_hub.Output, Does.Contain($"as '{station}': Revoked"));
    }

    [Test]
    public async Task RotateSecret_TheNewSecretLogsIn_TheOldOneIsRefused()
    {
        const string station = "cli-river-01";
        var old = await MociCommand.AddStationAsync(Database, station, "water");

        var rotate = await MociCommand.RunAsync("--db", Database, "stations", "rotate-secret", station, "--json");
        using var json = JsonDocument.Parse(rotate.Out);
        var fresh = json.RootElement.GetProperty("secret").GetString()!;

        // The hub re-reads the registry every 2 s: the new secret works as soon as it has.
        ProcessRun withNew;
        var deadline = Stopwatch.StartNew();
        do
        {
            withNew = await MosquittoPub.PublishOnceAsync(_brokerPort, station, fresh, WireTopics.Status(station), WireProtocol.Online);
        }
        while (withNew.ExitCode != 0 && deadline.Elapsed < RevocationLimit);

        var withOld = await MosquittoPub.PublishOnceAsync(_brokerPort, station, old, WireTopics.Status(station), WireProtocol.Online);
        Assert.That(withNew.ExitCode, Is.Zero, $"the new secret is accepted within {RevocationLimit}\n{withNew}");
        Assert.That(withOld.ExitCode, Is.Not.Zero, withOld.ToString());
    }
}
