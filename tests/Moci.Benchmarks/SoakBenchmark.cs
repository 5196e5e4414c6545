using System.Diagnostics;
using System.Globalization;
using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>
/// The soak: many stations, each registered with its own secret and connected on its own MQTT connection, publish
/// QoS 1 SenML batches of ten readings at an even aggregate rate for several minutes into one hub (its own process:
/// embedded broker, SQLite store, default limits), from load processes apart from the hub so that the hub's memory
/// and CPU are its own. Every 10 s: the hub's RSS and CPU and the machine's load average. At the end: the lag from
/// publication to the hub's acknowledgement (sent after the commit) per minute and overall, the rate achieved per
/// minute (said plainly when below the target), and the store counted against what was published: readings lost,
/// readings stored twice (rows or rollup counts). Prints <c>lost=… duplicates=… p50=… p99=… rss_first=… rss_last=…</c> last.
/// </summary>
internal static class SoakBenchmark
{
    /// <summary>Runs <c>soak [minutes=10] [stations=1000] [messages/s=2000]</c>.</summary>
    public static Task MainAsync(string[] args)
    {
        double Arg(int index, double fallback) => args.Length > index ? double.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        return RunAsync(Arg(1, 10), (int)Arg(2, 1_000), Arg(3, 2_000));
    }

    public static async Task RunAsync(double minutes, int stations, double messagesPerSecond)
    {
        var seconds = minutes * 60;
        var loadProcesses = stations >= 2 ? 2 : 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: {stations} stations, {messagesPerSecond:N0} batches/s of {SoakStation.ReadingsPerBatch} readings ({messagesPerSecond * SoakStation.ReadingsPerBatch:N0} readings/s) for {minutes} min, QoS 1; "));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"each station a batch every {stations / messagesPerSecond:0.###} s, at most {SoakLoad.Window} in flight, sent again after {SoakLoad.AckTimeout.TotalSeconds} s without an ack; {loadProcesses} load processes; {Environment.ProcessorCount} cores; loadavg {File.ReadAllText("/proc/loadavg").Trim()}"));

        var folder = Path.Combine(Path.GetTempPath(), "moci-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "hub.db");
        var keep = false;
        try
        {
            var clock = Stopwatch.StartNew();
            var ids = Register(database, stations, Path.Combine(folder, "stations.tsv"));
            Console.WriteLine($"{stations} stations registered with secrets in {clock.Elapsed.TotalSeconds:F1} s");

            var port = FreePort.Next();
            using var hub = new HubProcess(new Dictionary<string, string>
            {
                ["Broker__Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Storage__DatabasePath"] = database,
                // Room for every station and the intake's own connection.
                ["Broker__MaxConnections"] = (stations + 100).ToString(CultureInfo.InvariantCulture),
            });
            using var api = new HttpClient { BaseAddress = await hub.Listening.WaitAsync(TimeSpan.FromMinutes(1)), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(api);
            Console.WriteLine($"hub ready (pid {hub.Id}, broker port {port}): RSS {hub.RssMiB():F0} MiB");

            var loads = new List<SoakLoadProcess>();
            try
            {
                for (var p = 0; p < loadProcesses; p++)
                {
                    var (first, count) = (p * stations / loadProcesses, ((p + 1) * stations / loadProcesses) - (p * stations / loadProcesses));
                    loads.Add(new SoakLoadProcess(port, Path.Combine(folder, "stations.tsv"), first, count, stations, messagesPerSecond, seconds, Path.Combine(folder, $"load-{p}.bin")));
                }

                clock.Restart();
                await Task.WhenAll(loads.Select(l => l.Connected)).WaitAsync(TimeSpan.FromMinutes(15));
                Console.WriteLine($"{stations} stations connected in {clock.Elapsed.TotalSeconds:F1} s: hub RSS {hub.RssMiB():F0} MiB");

                var start = DateTimeOffset.UtcNow.AddSeconds(3);
                var schedule = new SoakSchedule(start, stations, messagesPerSecond);
                await Task.WhenAll(loads.Select(l => l.GoAsync(start)));
                await schedule.WaitForStartAsync();
                var sampler = new SoakHubSampler(hub, api, loads, schedule);
                using var stopSampling = new CancellationTokenSource();
                var sampling = sampler.RunAsync(stopSampling.Token);

                var drain = (2 * SoakLoad.AckTimeout.TotalSeconds) + 30;
                var results = await Task.WhenAll(loads.Select(l => l.ResultAsync())).WaitAsync(TimeSpan.FromSeconds(seconds + drain + 120));
                await stopSampling.CancelAsync();
                await sampling;
                Console.WriteLine($"load finished {schedule.Now() - seconds:F1} s after the last scheduled batch (the drain of batches in flight)");
                await WaitUntilQueueEmptyAsync(api);
                Console.WriteLine("the hub's count: " + await api.GetStringAsync("/api/v1/health"));

                var (p50, p99, rssFirst, rssLast) = SoakReport.Print(results, sampler.Samples, schedule, seconds);
                var batches = results.Sum(r => r.Stations.Sum(s => s.FirstPublished.LongLength));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"CPU used: hub {sampler.CpuUsed.Hub.TotalSeconds:F0} s ({1e3 * sampler.CpuUsed.Hub.TotalSeconds / batches:F2} ms a batch, {1e6 * sampler.CpuUsed.Hub.TotalSeconds / batches / SoakStation.ReadingsPerBatch:F0} µs a reading), load processes {sampler.CpuUsed.Load.TotalSeconds:F0} s ({1e3 * sampler.CpuUsed.Load.TotalSeconds / batches:F2} ms a batch)"));

                clock.Restart();
                var store = SoakStoreCount.Read(database);
                var publishedPerStation = results.SelectMany(r => r.Stations).ToDictionary(s => s.Id, s => s.ReadingsPublished);
                var published = publishedPerStation.Values.Sum();
                var lost = ids.Sum(id => Math.Max(0, publishedPerStation.GetValueOrDefault(id) - store.StoredPerStation.GetValueOrDefault(id)));
                var unexpected = ids.Sum(id => Math.Max(0, store.StoredPerStation.GetValueOrDefault(id) - publishedPerStation.GetValueOrDefault(id)));
                var rolledUpTwice = Math.Max(0, store.HourRollupCount - store.Rows) + Math.Max(0, store.DayRollupCount - store.Rows);
                var duplicates = store.DuplicateRows + rolledUpTwice;
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"store (counted in {clock.Elapsed.TotalSeconds:F1} s): {store.Rows:N0} reading rows for {published:N0} readings published; lost {lost:N0} (published, not stored), stored but never published {unexpected:N0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rows with a (series, time) already stored {store.DuplicateRows:N0}; hourly rollups count {store.HourRollupCount:N0}, daily {store.DayRollupCount:N0} (rows {store.Rows:N0}); series whose hourly count differs from their rows {store.SeriesRollupMismatches}; dead letters {store.DeadLetters:N0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hub RSS: first minute {rssFirst:F0} MiB, last minute {rssLast:F0} MiB ({rssLast - rssFirst:+0;-0;0} MiB); loadavg at the end {File.ReadAllText("/proc/loadavg").Trim()}"));
                keep = lost > 0 || duplicates > 0 || unexpected > 0 || store.SeriesRollupMismatches > 0;
                if (keep)
                {
                    Console.WriteLine($"the hub's database is kept for inspection: {database}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"lost={lost} duplicates={duplicates} p50={p50:F1}ms p99={p99:F1}ms rss_first={rssFirst:F0}MiB rss_last={rssLast:F0}MiB"));
            }
            finally
            {
                loads.ForEach(l => l.Dispose());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string StationName(int i) => $"soak-{i:D4}";

    /// <summary>
    /// Registers the stations with new secrets in the hub's database (as <c>moci stations add</c> does) and writes
    /// <c>id TAB secret</c> per line for the load processes. Hashes in parallel: each is a deliberate PBKDF2 run.
    /// </summary>
    private static List<string> Register(string database, int stations, string credentialsFile)
    {
        var secrets = Enumerable.Range(0, stations).Select(_ => StationSecret.Generate()).ToArray();
        var hashes = new string[stations];
        Parallel.For(0, stations, i => hashes[i] = StationSecret.Hash(secrets[i]));
        using (var store = new StationStore(database, TimeProvider.System))
        {
            for (var i = 0; i < stations; i++)
            {
                store.Add(new Station(StationName(i), StationName(i), StationKind.Air, 41, 19.6, null), hashes[i]);
            }
        }

        File.WriteAllLines(credentialsFile, Enumerable.Range(0, stations).Select(i => $"{StationName(i)}\t{secrets[i]}"));
        return [.. Enumerable.Range(0, stations).Select(StationName)];
    }

    /// <summary>Waits (at most two minutes) until the hub's intake queue is empty, so the count sees every commit to come.</summary>
    private static async Task WaitUntilQueueEmptyAsync(HttpClient api)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            using var health = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/health"));
            if (health.RootElement.GetProperty("queueDepth").GetInt32() == 0)
            {
                return;
            }

            await Task.Delay(500);
        }

        Console.WriteLine("the hub's intake queue was not empty after two minutes; the count below may miss readings still to be committed");
    }

    private static async Task WaitUntilReadyAsync(HttpClient api)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await api.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException("the hub did not become ready within a minute");
            }

            await Task.Delay(200);
        }
    }
}
