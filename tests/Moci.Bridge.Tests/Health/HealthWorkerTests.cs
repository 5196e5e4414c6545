using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Bridge.Clock;
using Moci.Bridge.Health;
using Moci.Bridge.Sampling;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Protocol;
using MQTTnet;
using MQTTnet.Server;
using HealthOptions = Moci.Bridge.Configuration.HealthOptions;

namespace Moci.Bridge.Tests.Health;

public sealed class HealthWorkerTests
{
    private const string Station = "rrg-school-01";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private DirectoryInfo _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("moci-bridge-health-");

    [TearDown]
    public void TearDown() => _folder.Delete(recursive: true);

    [Test]
    public async Task Run_Connected_PublishesTheReportRetainedOnTheHealthTopic()
    {
        var port = FreePort.Next();
        using var broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port).Build());
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var health = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.InterceptingPublishAsync += e =>
        {
            if (e.ApplicationMessage.Topic == WireTopics.Status(Station))
            {
                online.TrySetResult();
            }
            else if (e.ApplicationMessage.Topic == WireTopics.Health(Station))
            {
                health.TrySetResult(e.ApplicationMessage);
            }

            return Task.CompletedTask;
        };
        await broker.StartAsync();
        using var stop = new CancellationTokenSource();
        using var publisher = new StationPublisher(Station, "s3cret", new PublisherOptions { Host = "127.0.0.1", Port = port }, new Moci.Kit.Options.OutboxOptions { Directory = _folder.FullName }, TimeProvider.System, NullLogger.Instance);
        var publishing = publisher.RunAsync(stop.Token);
        await online.Task.WaitAsync(Timeout);
        var board = new SensorBoard();
        board.Failed("dust", "sds011", SensorState.Missing, "/dev/ttyUSB0 does not exist", DateTimeOffset.UtcNow);
        var reporter = new HealthReporter(
            Station, Path.GetTempPath(), () => new OutboxFigures(publisher.Outbox.Statistics().Readings, null, publisher.Outbox.Statistics().Dropped), board,
            new StationClock(new NtpClock("/nonexistent", () => false), new GpsClock(TimeProvider.System)), SystemProbe.Real, TimeProvider.System);
        using var worker = new HealthWorker(
            reporter, publisher, Microsoft.Extensions.Options.Options.Create(new HealthOptions { Interval = TimeSpan.FromHours(1) }), TimeProvider.System,
            NullLogger<HealthWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        var message = await health.Task.WaitAsync(Timeout);
        await worker.StopAsync(CancellationToken.None);
        await stop.CancelAsync();
        await publishing.WaitAsync(Timeout);
        await broker.StopAsync(new MqttServerStopOptions());

        Assert.That(message.Retain, Is.True);
        using var json = JsonDocument.Parse(System.Buffers.BuffersExtensions.ToArray(message.Payload));
        Assert.That(json.RootElement.GetProperty("station").GetString(), Is.EqualTo(Station));
        Assert.That(json.RootElement.GetProperty("clock").GetProperty("synchronised").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("sensors")[0].GetProperty("state").GetString(), Is.EqualTo("missing"));
    }
}
