using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Health;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
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

    [Test]
    public async Task Run_BacklogOlderThanTheInterval_SendsAFreshReportOnceTheHubHasAcknowledgedIt()
    {
        await using var hub = await TestHub.StartAsync();
        using var folder = new TempDirectory();
        using var stop = new CancellationTokenSource();
        using var publisher = new StationPublisher(
            Station, "s3cret", new PublisherOptions { Host = "127.0.0.1", Port = hub.Port }, new OutboxOptions { Directory = folder.Path }, TimeProvider.System, NullLogger.Instance);
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2);
        publisher.Enqueue([.. Enumerable.Range(0, 12).Select(i => new Reading(Station, "pm2_5", twoHoursAgo.AddMinutes(10 * i), 10 + i))]);
        var publishing = publisher.RunAsync(stop.Token);
        var sending = HealthSender.RunAsync(publisher, () => FromOutbox(publisher), TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance, stop.Token);

        var first = await hub.WaitForMessagesAsync(m => Depths(m).Any(), Timeout);
        var batches = await hub.WaitForBatchesAsync(b => b.Sum(x => x.Readings.Count) >= 12, Timeout);
        await hub.AckAsync(Station, [.. batches.Select(b => b.Sequence)]);
        var messages = await hub.WaitForMessagesAsync(m => Depths(m).Count() >= 2, Timeout);
        await stop.CancelAsync();
        await Task.WhenAll(publishing, sending).WaitAsync(Timeout);

        Assert.That(Depths(first).First(), Is.EqualTo(12), "the backlog as the station connects");
        Assert.That(Depths(messages).ElementAt(1), Is.Zero, "a fresh report once the hub has the backlog, not an hour later");
    }

    private static HealthReport FromOutbox(StationPublisher publisher)
    {
        var statistics = publisher.Outbox.Statistics();
        return new HealthReport(
            Station, DateTimeOffset.UtcNow, null, 1, null, null, new HealthReport.OutboxHealth(statistics.Readings, statistics.OldestAge?.TotalSeconds, statistics.Dropped),
            new HealthReport.ClockHealth(ClockSource.System, true), []);
    }

    /// <summary>The outbox depth of each report sent, in order.</summary>
    private static IEnumerable<long> Depths(IReadOnlyList<MqttApplicationMessage> messages) => messages
        .Where(m => m.Topic == WireTopics.Health(Station))
        .Select(m =>
        {
            using var json = JsonDocument.Parse(m.ConvertPayloadToString());
            return json.RootElement.GetProperty("outbox").GetProperty("depth").GetInt64();
        });
}
