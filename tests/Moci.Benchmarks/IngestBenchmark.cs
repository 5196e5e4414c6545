using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moci.Kit.Simulation;
using Moci.Ingest;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;
using MQTTnet;
using MQTTnet.Server;

namespace Moci.Benchmarks;

/// <summary>
/// The hub's intake against the broker library it runs on, interleaved on one machine: (a) the raw QoS 1 pub→sub
/// rate of a plain MQTTnet server (the library of the embedded broker, without the hub's rules: the same station
/// clients with their credentials, same packs, same in-flight window, released by the broker's PUBACK; a subscriber
/// that only counts, nothing stored) and (b) the full path: publish → the hub's embedded broker, which hands the
/// readings to the intake → durable SQLite commit → the hub's acknowledgement back to the station, which frees the
/// window slot. Prints both and, last, <c>ratio=</c>(b)/(a). A warm-up of each path runs first and is not counted.
/// </summary>
public static class IngestBenchmark
{
    public static async Task RunAsync(int stations, int batchesPerStation, int window, int rounds)
    {
        Console.WriteLine($"{stations} stations × {batchesPerStation} batches of 7 readings, QoS 1, {window} in flight per station, {rounds} rounds interleaved");
        // Warm-up, not counted: the first run of each path pays for JIT compilation and tiering.
        await OnceAsync(stations, Math.Max(1, batchesPerStation / 4), window, storing: false);
        await OnceAsync(stations, Math.Max(1, batchesPerStation / 4), window, storing: true);

        var raw = new List<double>();
        var full = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            raw.Add(await OnceAsync(stations, batchesPerStation, window, storing: false));
            Console.WriteLine($"round {round}: raw broker   {raw[^1],9:N0} msg/s");
            full.Add(await OnceAsync(stations, batchesPerStation, window, storing: true));
            Console.WriteLine($"round {round}: full path    {full[^1],9:N0} batches/s ({full[^1] * 7:N0} readings/s)");
        }

        var rawMedian = Statistics.Median(raw);
        var fullMedian = Statistics.Median(full);
        Console.WriteLine($"raw={rawMedian:F0} msg/s (median)");
        Console.WriteLine($"full={fullMedian:F0} batches/s (median, each committed and acknowledged)");
        Console.WriteLine($"ratio={fullMedian / rawMedian:F2}");
    }

    private static async Task<double> OnceAsync(int stations, int batchesPerStation, int window, bool storing)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-ingest-bench-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:StationMessagesPerSecond"] = "1000000",
            ["Broker:StationMessageBurst"] = "1000000",
            ["Storage:DatabasePath"] = Path.Combine(folder, "hub.db"),
            ["Intake:BackfillWindow"] = "3650.00:00:00",
        };
        for (var i = 0; i < stations; i++)
        {
            settings[$"Stations:{i}:Id"] = $"station-{i}";
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddIngest();
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<StationRegistry>();
        var secrets = Enumerable.Range(0, stations).Select(i => registry.IssueSecret($"station-{i}")).ToList();
        MqttServer? plain = null;
        IMqttClient? subscriber = null;
        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (storing)
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<MqttIntake>().Subscribed;
        }
        else
        {
            // The embedded broker hands readings to the intake instead of routing them, so the baseline is the broker
            // library on its own: a plain MQTTnet server with a queue as large as the hub's, and a subscriber that counts.
            plain = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointPort(port)
                .WithMaxPendingMessagesPerClient(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BrokerOptions>>().Value.MaxPendingMessagesPerClient)
                .Build());
            await plain.StartAsync();
            subscriber = new MqttClientFactory().CreateMqttClient();
            subscriber.ApplicationMessageReceivedAsync += _ =>
            {
                if (Interlocked.Increment(ref received) == stations * batchesPerStation)
                {
                    allReceived.TrySetResult();
                }

                return Task.CompletedTask;
            };
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId("counting-subscriber")
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                .Build();
            ((MqttClientTcpOptions)options.ChannelOptions).BufferSize = 1 << 20;
            await subscriber.ConnectAsync(options);
            await subscriber.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(WireTopics.AllReadings).WithAtLeastOnceQoS()).Build());
        }

        var simulator = new StationSimulator(1);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clients = Enumerable.Range(0, stations).Select(i => new BenchStation($"station-{i}", secrets[i], port)).ToList();
        var payloads = clients.Select(c => Enumerable.Range(0, batchesPerStation)
            .Select(b => StationPack.Encode(c.Id, simulator.Sample(c.Id, StationKind.Air, start.AddSeconds(10 * b))))
            .ToList()).ToList();
        await Task.WhenAll(clients.Select(c => c.ConnectAsync()));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((c, i) => c.PublishAllAsync(payloads[i], window, releasedByHubAck: storing)));
        if (!storing)
        {
            await allReceived.Task.WaitAsync(TimeSpan.FromMinutes(5));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (storing)
        {
            var stored = host.Services.GetRequiredService<IngestCounters>().Snapshot().ReadingsStored;
            if (stored != stations * batchesPerStation * 7L)
            {
                throw new InvalidOperationException($"stored {stored} readings, expected {stations * batchesPerStation * 7L}");
            }
        }

        clients.ForEach(c => c.Dispose());
        subscriber?.Dispose();
        if (storing)
        {
            await host.StopAsync();
        }
        else if (plain is not null)
        {
            await plain.StopAsync();
            plain.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return stations * batchesPerStation / seconds;
    }
}
