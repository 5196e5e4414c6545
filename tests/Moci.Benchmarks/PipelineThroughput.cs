using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Simulation;
using Moci.Ingest;
using Moci.Ingest.Intake;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>
/// The whole hub path at load: stations publish simulated batches (7 readings each) through the embedded
/// broker; the measure is batches per second from the first publish until the last batch is acknowledged
/// (committed) back to its station. Median of three runs, each with a fresh database.
/// </summary>
public static class PipelineThroughput
{
    public static async Task RunAsync(int stations, int batchesPerStation)
    {
        var results = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            results.Add(await OnceAsync(stations, batchesPerStation));
            Console.WriteLine($"run {run + 1}: {results[^1]:N0} batches/s ({results[^1] * 7:N0} readings/s)");
        }

        results.Sort();
        Console.WriteLine($"median: {results[1]:N0} batches/s = {results[1] * 7:N0} readings/s " +
                          $"({stations} stations × {batchesPerStation} batches, QoS 1, one batch in flight per station)");
    }

    private static async Task<double> OnceAsync(int stations, int batchesPerStation)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-pipeline-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = Path.Combine(folder, "hub.db"),
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
        await host.StartAsync();
        await host.Services.GetRequiredService<MqttIntake>().Subscribed;

        var registry = host.Services.GetRequiredService<Moci.Ingest.Stations.StationRegistry>();
        var secrets = Enumerable.Range(0, stations).Select(i => registry.IssueSecret($"station-{i}")).ToList();
        var simulator = new StationSimulator(1);
        using var stop = new CancellationTokenSource();
        var publishers = Enumerable.Range(0, stations)
            .Select(i => new StationPublisher($"station-{i}", secrets[i], new PublisherOptions { Port = port }, new OutboxOptions { Directory = Path.Combine(folder, "outbox") }, TimeProvider.System, NullLogger.Instance))
            .ToList();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var publisher in publishers)
        {
            for (var b = 0; b < batchesPerStation; b++)
            {
                publisher.Enqueue(simulator.Sample(publisher.StationId, StationKind.Air, start.AddSeconds(10 * b)));
            }
        }

        var clock = Stopwatch.StartNew();
        var running = publishers.Select(p => p.RunAsync(stop.Token)).ToList();
        while (publishers.Any(p => p.Outbox.ReadingsWaiting > 0))
        {
            await Task.Delay(5);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(running);
        publishers.ForEach(p => p.Dispose());
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return stations * batchesPerStation / seconds;
    }

}
