using Moci.Kit.Simulation;
using Moci.Ingest.Stations;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>
/// The hub's resident memory (a separate ingest process) (a) idle, (b) with many stations connected, and (c)
/// while a flood of idle TCP sockets (no CONNECT, from many loopback addresses) is opened against it — during
/// which a few stations keep publishing and must keep being stored and acknowledged.
/// </summary>
public static class HubMemoryBenchmark
{
    private const int SocketsPerWorker = 8_000;

    public static async Task RunAsync(int stations, int flood)
    {
        var folder = Path.Combine(Path.GetTempPath(), "moci-memory-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "hub.db");
        var secrets = Register(database, stations);
        var port = FreePort.Next();
        using var hub = new HubProcess(new Dictionary<string, string>
        {
            ["Broker__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage__DatabasePath"] = database,
            // Room for every station and the intake's own connection.
            ["Broker__MaxConnections"] = (stations + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var api = await hub.Listening.WaitAsync(TimeSpan.FromMinutes(1));
        using var http = new HttpClient { BaseAddress = api };
        await Task.Delay(2_000);
        Console.WriteLine($"hub idle: RSS {hub.RssMiB():F0} MiB");

        var clients = new List<BenchStation>();
        using (var gate = new SemaphoreSlim(16))
        {
            await Task.WhenAll(Enumerable.Range(0, stations).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var client = new BenchStation(StationName(i), secrets[i], port);
                    await client.ConnectAsync();
                    lock (clients)
                    {
                        clients.Add(client);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.Delay(5_000);
        Console.WriteLine($"{clients.Count} stations connected: RSS {hub.RssMiB():F0} MiB");

        // Keep ten stations; free the other slots so the flood meets the connection cap, not a full broker.
        var kept = clients.Take(10).ToList();
        clients.Skip(10).ToList().ForEach(c => c.Dispose());
        await Task.Delay(3_000);

        var peak = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, hub.RssMiB());
                await Task.Delay(200);
            }
        });

        var simulator = new StationSimulator(1);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var served = Task.Run(async () =>
        {
            var batches = 0;
            for (var round = 0; round < 20; round++)
            {
                await Task.WhenAll(kept.Select(c => c.PublishAllAsync(
                    [StationPack.Encode(c.Id, simulator.Sample(c.Id, StationKind.Air, start.AddSeconds(round)))], 1, releasedByHubAck: true)));
                batches += kept.Count;
                await Task.Delay(250);
            }

            return batches;
        });

        // The flood comes from worker processes, each under its own open-file limit.
        var workers = new List<System.Diagnostics.Process>();
        for (var first = 0; first < flood; first += SocketsPerWorker)
        {
            workers.Add(FloodWorker.Start(port, first, Math.Min(SocketsPerWorker, flood - first)));
        }

        var refusedAtOnce = 0;
        foreach (var worker in workers)
        {
            refusedAtOnce += await FloodWorker.WaitUntilOpenedAsync(worker);
        }

        var floodRss = hub.RssMiB();
        var ready = await http.GetAsync("/readyz");
        var acknowledged = await served.WaitAsync(TimeSpan.FromMinutes(2));
        Console.WriteLine($"{flood} idle sockets opened ({refusedAtOnce} reset at once): RSS {floodRss:F0} MiB, peak {peak:F0} MiB; " +
                          $"/readyz {(int)ready.StatusCode}; {acknowledged} batches of 10 stations stored and acknowledged during the flood; hub alive: {!hub.HasExited}");
        Console.WriteLine("the hub's count: " + await http.GetStringAsync("/api/v1/health"));
        workers.ForEach(w => FloodWorker.Stop(w));
        await Task.Delay(12_000);
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"after the flood: RSS {hub.RssMiB():F0} MiB");
        kept.ForEach(c => c.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static string StationName(int i) => $"station-{i:D4}";

    /// <summary>Registers the stations with known secrets (in parallel: each hash is a deliberate PBKDF2 run).</summary>
    private static string[] Register(string database, int stations)
    {
        var secrets = Enumerable.Range(0, stations).Select(_ => StationSecret.Generate()).ToArray();
        var hashes = new string[stations];
        Parallel.For(0, stations, i => hashes[i] = StationSecret.Hash(secrets[i]));
        using var store = new StationStore(database, TimeProvider.System);
        for (var i = 0; i < stations; i++)
        {
            store.Add(new Station(StationName(i), StationName(i), StationKind.Air, 41, 19.6, null), hashes[i]);
        }

        return secrets;
    }
}
