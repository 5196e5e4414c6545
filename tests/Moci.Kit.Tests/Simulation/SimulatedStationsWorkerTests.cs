using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moci.Kit.Options;
using Moci.Kit.Simulation;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;
using MQTTnet;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Moci.Kit.Tests.Simulation;

/// <summary>
/// The simulated stations against a real MQTTnet broker standing in for the hub (<see cref="TestHub"/>), which
/// does not acknowledge: whatever a station enqueues stays in its outbox.
/// </summary>
public sealed class SimulatedStationsWorkerTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Run_Connected_PublishesAHealthReportRetainedWithTheRealOutboxDepth()
    {
        await using var hub = await TestHub.StartAsync();
        using var folder = new TempDirectory();
        var simulation = new SimulationOptions
        {
            Backfill = TimeSpan.FromHours(1),
            BackfillStep = TimeSpan.FromMinutes(10),
            Interval = TimeSpan.FromSeconds(10),
            Stations = { new SimulatedStation { Id = Station, Kind = StationKind.Air, Secret = "s3cret" } },
        };
        using var worker = new SimulatedStationsWorker(
            MsOptions.Create(simulation), MsOptions.Create(new PublisherOptions { Host = "127.0.0.1", Port = hub.Port }),
            MsOptions.Create(new OutboxOptions { Directory = folder.Path }), new FakeTimeProvider(T0), NullLoggerFactory.Instance);

        await worker.StartAsync(CancellationToken.None);
        var messages = await hub.WaitForMessagesAsync(m => m.Any(x => x.Topic == WireTopics.Health(Station)), Timeout);
        var retained = await hub.RetainedAsync(WireTopics.Health(Station));
        await worker.StopAsync(CancellationToken.None);

        var message = messages.First(m => m.Topic == WireTopics.Health(Station));
        using var json = JsonDocument.Parse(message.ConvertPayloadToString());
        var root = json.RootElement;
        var outbox = root.GetProperty("outbox");
        // Six samples of history (08:00 − 1 h … 07:50) and the first live one (08:00), seven metrics each; the hub
        // stand-in acknowledges nothing, so all of them wait.
        Assert.That(outbox.GetProperty("depth").GetInt64(), Is.EqualTo(7 * 7));
        Assert.That(outbox.GetProperty("oldestAgeSeconds").GetDouble(), Is.EqualTo(3600));
        Assert.That(outbox.GetProperty("dropped").GetInt64(), Is.Zero);
        Assert.That(root.GetProperty("station").GetString(), Is.EqualTo(Station));
        Assert.That(root.GetProperty("clock").GetProperty("source").GetString(), Is.EqualTo("system"));
        Assert.That(root.GetProperty("sensors").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("state").GetString())),
            Is.EqualTo(new[] { ("air", "ok"), ("dust", "ok"), ("co2", "ok") }));
        Assert.That(message.Retain, Is.True);
        Assert.That(message.ContentType, Is.EqualTo("application/json"));
        Assert.That(retained, Is.EqualTo(message.ConvertPayloadToString()), "the broker keeps the report for a hub that subscribes later");
    }
}
