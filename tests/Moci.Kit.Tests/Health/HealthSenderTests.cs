using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Health;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Protocol;
using MQTTnet;

namespace Moci.Kit.Tests.Health;

/// <summary>The health report's sending, through a real publisher, against a real MQTTnet broker (<see cref="TestHub"/>).</summary>
public sealed class HealthSenderTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static HealthReport Report(int number) => new(
        Station, DateTimeOffset.UtcNow, null, number, null, null, new HealthReport.OutboxHealth(0, null, 0), new HealthReport.ClockHealth(ClockSource.System, true), []);

    /// <summary>The numbers of the reports sent, in order (each report made carries its number as its uptime).</summary>
    private static IEnumerable<double> SentNumbers(IReadOnlyList<MqttApplicationMessage> messages) => messages
        .Where(m => m.Topic == WireTopics.Health(Station))
        .Select(m =>
        {
            using var json = JsonDocument.Parse(m.ConvertPayloadToString());
            return json.RootElement.GetProperty("bridgeUptimeSeconds").GetDouble();
        });

    [Test]
    public async Task Run_BrokerComesBack_SendsAFreshReportAfterTheReconnectWithoutWaitingForTheInterval()
    {
        await using var hub = await TestHub.StartAsync();
        using var folder = new TempDirectory();
        using var stop = new CancellationTokenSource();
        using var publisher = new StationPublisher(
            Station, "s3cret", new PublisherOptions { Host = "127.0.0.1", Port = hub.Port, MaxReconnectDelay = TimeSpan.FromSeconds(1) },
            new OutboxOptions { Directory = folder.Path }, TimeProvider.System, NullLogger.Instance);
        var publishing = publisher.RunAsync(stop.Token);
        var made = 0;
        var sending = HealthSender.RunAsync(publisher, () => Report(Interlocked.Increment(ref made)), TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance, stop.Token);

        await hub.WaitForMessagesAsync(m => SentNumbers(m).Any(), Timeout);
        await hub.StopAsync();
        await hub.RestartAsync();
        var messages = await hub.WaitForMessagesAsync(m => SentNumbers(m).Count() >= 2, Timeout);
        await stop.CancelAsync();
        await Task.WhenAll(publishing, sending).WaitAsync(Timeout);

        Assert.That(SentNumbers(messages).Take(2), Is.Ordered.Ascending.And.Unique, "one report at the first connection, a newer one made at the reconnection");
        Assert.That(messages.Where(m => m.Topic == WireTopics.Health(Station)).Select(m => m.Retain), Has.All.True);
    }
}
