using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors;
using Moci.Bridge.Tests.Configuration;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using MQTTnet;
using MQTTnet.Server;

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

    [Test]
    public async Task Run_WithASensor_SendsItsReadingsAndHealthToTheBroker()
    {
        var port = FreePort.Next();
        using var broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port).Build());
        var readings = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var health = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.InterceptingPublishAsync += e =>
        {
            var payload = e.ApplicationMessage.ConvertPayloadToString();
            if (e.ApplicationMessage.Topic == WireTopics.Readings("rrg-school-01"))
            {
                readings.TrySetResult(payload);
            }
            else if (e.ApplicationMessage.Topic == WireTopics.Health("rrg-school-01"))
            {
                health.TrySetResult(payload);
            }

            return Task.CompletedTask;
        };
        await broker.StartAsync();
        var path = _config.Write($$"""
            {
              "station": { "id": "rrg-school-01", "secret": "s3cret" },
              "broker": { "uri": "mqtt://127.0.0.1:{{port}}" },
              "outbox": { "dataDir": "{{_config.Folder}}" },
              "sensors": [ { "type": "bme280", "name": "air", "interval": "1s", "averaging": "0s" } ]
            }
            """);
        var drivers = new Dictionary<string, Func<SensorOptions, ISensor>>
        {
            ["bme280"] = options => new FakeSensor(options.DisplayName, () => [new Measurement(MetricCatalogue.Temperature, 21.25)]),
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var running = CliRun.RunAsync(["run", "--config", path], drivers, cancellationToken: stop.Token);
        var pack = await readings.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var report = await health.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));
        await broker.StopAsync(new MqttServerStopOptions());

        Assert.That(pack, Does.Contain("\"n\":\"temperature\"").And.Contain("21.25"));
        Assert.That(report, Does.Contain("\"name\":\"air\"").And.Contain("\"state\":\"ok\""));
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Error);
    }
}
