using System.Diagnostics;
using InfluxDB.Client;
using InfluxDB.Client.Writes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moci.Ingest;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage.Influx;
using Moci.Kit.Simulation;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>
/// The hub's intake with the InfluxDB store, against victoria-metrics (which takes InfluxDB 2.x line protocol on
/// <c>/api/v2/write</c>), interleaved on one machine, each run with a fresh server: (b) ours: stations publish packs
/// of 7 readings at QoS 1 through the embedded broker, the intake decodes them and the batch writer writes them
/// with <see cref="InfluxReadingStore"/>; timed from the first publish until the hub has acknowledged the last
/// batch to its station; (a) raw: the same readings, as the same points (<see cref="InfluxReadingStore.Point"/>),
/// written straight through InfluxDB.Client's <see cref="WriteApiAsync"/>, one request at a time as the batch
/// writer sends them, in requests of the mean size the hub's writer committed in the same round. After each run
/// the server's export must hold exactly the expected number of points of both fields, so neither side can gain
/// by dropping data. Prints readings/s for both and, last, <c>ratio=</c>ours/raw.
/// </summary>
/// <remarks>
/// The hub runs in this process with its whole ingest wiring (<see cref="Extensions.AddIngest"/>) except
/// <see cref="InfluxStartupCheck"/>: that check looks the bucket up on <c>/api/v2/buckets</c>, which
/// victoria-metrics does not serve. Nothing else of the write path depends on it.
/// </remarks>
public static class IngestInfluxBenchmark
{
    private const int ReadingsPerPack = 7;
    private const string Org = "school";
    private const string Bucket = "moci";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int stations, int batchesPerStation, int window, int rounds)
    {
        Console.WriteLine($"{stations} stations × {batchesPerStation} batches of {ReadingsPerPack} readings, QoS 1, {window} in flight per station, InfluxDB store on victoria-metrics, {rounds} rounds interleaved");
        // Warm-up, not counted: the first run of each path pays for JIT compilation and tiering.
        var warmUp = await HubOnceAsync(stations, Math.Max(1, batchesPerStation / 4), window);
        await RawOnceAsync(stations, Math.Max(1, batchesPerStation / 4), warmUp.MeanBatch);

        var raw = new List<double>();
        var ours = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var hub = await HubOnceAsync(stations, batchesPerStation, window);
            ours.Add(hub.ReadingsPerSecond);
            Console.WriteLine($"round {round}: ours (hub)   {hub.ReadingsPerSecond,9:N0} readings/s, mean write {hub.MeanBatch:N0} readings");
            raw.Add(await RawOnceAsync(stations, batchesPerStation, hub.MeanBatch));
            Console.WriteLine($"round {round}: raw client   {raw[^1],9:N0} readings/s, writes of {hub.MeanBatch:N0} readings");
        }

        var rawMedian = Statistics.Median(raw);
        var oursMedian = Statistics.Median(ours);
        Console.WriteLine($"raw={rawMedian:F0} readings/s (median, InfluxDB.Client WriteApiAsync)");
        Console.WriteLine($"ours={oursMedian:F0} readings/s (median, published, written and acknowledged)");
        Console.WriteLine($"ratio={oursMedian / rawMedian:F2}");
    }

    private static string StationId(int index) => $"station-{index}";

    private static IReadOnlyList<Reading> Readings(StationSimulator simulator, int station, int batch) =>
        simulator.Sample(StationId(station), StationKind.Air, Start.AddSeconds(10 * batch));

    private static async Task<(double ReadingsPerSecond, int MeanBatch)> HubOnceAsync(int stations, int batchesPerStation, int window)
    {
        await using var victoria = await VictoriaMetrics.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "moci-ingest-influx-bench-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:StationMessagesPerSecond"] = "1000000",
            ["Broker:StationMessageBurst"] = "1000000",
            // The registry and the dead letters stay in SQLite with either store.
            ["Storage:DatabasePath"] = Path.Combine(folder, "hub.db"),
            ["Storage:Kind"] = "InfluxDB",
            ["Storage:InfluxDB:Url"] = victoria.Url,
            ["Storage:InfluxDB:Token"] = "unused-token",
            ["Storage:InfluxDB:Org"] = Org,
            ["Storage:InfluxDB:Bucket"] = Bucket,
            ["Intake:BackfillWindow"] = "3650.00:00:00",
        };
        for (var i = 0; i < stations; i++)
        {
            settings[$"Stations:{i}:Id"] = StationId(i);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddIngest();
        // victoria-metrics has no /api/v2/buckets, which the start-up check asks; see the remarks above.
        var check = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InfluxStartupCheck));
        builder.Services.Remove(check);
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<StationRegistry>();
        var secrets = Enumerable.Range(0, stations).Select(i => registry.IssueSecret(StationId(i))).ToList();
        await host.StartAsync();
        await host.Services.GetRequiredService<MqttIntake>().Subscribed;

        var simulator = new StationSimulator(1);
        var clients = Enumerable.Range(0, stations).Select(i => new BenchStation(StationId(i), secrets[i], port)).ToList();
        var payloads = Enumerable.Range(0, stations)
            .Select(i => Enumerable.Range(0, batchesPerStation).Select(b => StationPack.Encode(StationId(i), Readings(simulator, i, b))).ToList())
            .ToList();
        await Task.WhenAll(clients.Select(c => c.ConnectAsync()));

        var clock = Stopwatch.StartNew();
        // A bounded wait: a store that keeps failing would otherwise leave the stations waiting for acknowledgements forever.
        await Task.WhenAll(clients.Select((c, i) => c.PublishAllAsync(payloads[i], window, releasedByHubAck: true))).WaitAsync(TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;

        var expected = stations * batchesPerStation * (long)ReadingsPerPack;
        var counters = host.Services.GetRequiredService<IngestCounters>().Snapshot();
        // InfluxDB cannot tell new readings from duplicates, so the hub counts what it wrote there as unclassified.
        var written = counters.ReadingsStored + counters.ReadingsUnclassified;
        if (written != expected)
        {
            throw new InvalidOperationException($"the hub wrote {written} readings, expected {expected}");
        }

        clients.ForEach(c => c.Dispose());
        await host.StopAsync();
        await ExpectStoredAsync(victoria, expected);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return (expected / seconds, (int)Math.Max(1, Math.Round((double)written / counters.BatchesCommitted)));
    }

    private static async Task<double> RawOnceAsync(int stations, int batchesPerStation, int batchSize)
    {
        await using var victoria = await VictoriaMetrics.StartAsync();
        var simulator = new StationSimulator(1);
        // The order the hub receives them in, roughly: every station's first batch, then every station's second, …
        var points = new List<PointData>(stations * batchesPerStation * ReadingsPerPack);
        for (var b = 0; b < batchesPerStation; b++)
        {
            for (var i = 0; i < stations; i++)
            {
                points.AddRange(Readings(simulator, i, b).Select(InfluxReadingStore.Point));
            }
        }

        using var client = new InfluxDBClient(new InfluxDBClientOptions(victoria.Url) { Token = "unused-token", Org = Org, Bucket = Bucket });
        var writer = client.GetWriteApiAsync();

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < points.Count; start += batchSize)
        {
            await writer.WritePointsAsync(points.GetRange(start, Math.Min(batchSize, points.Count - start)), Bucket, Org);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await ExpectStoredAsync(victoria, points.Count);
        return points.Count / seconds;
    }

    /// <summary>
    /// Waits until the server shows <paramref name="expected"/> points of each field (it makes writes searchable
    /// about a second after taking them) and fails if it shows fewer after a minute, or more.
    /// </summary>
    private static async Task ExpectStoredAsync(VictoriaMetrics victoria, long expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var values = (await victoria.ExportAsync($"{InfluxSchema.Measurement}_{InfluxSchema.ValueField}")).Sum(s => (long)s.TimestampsMilliseconds.Count);
            var flags = (await victoria.ExportAsync($"{InfluxSchema.Measurement}_{InfluxSchema.FlagsField}")).Sum(s => (long)s.TimestampsMilliseconds.Count);
            if (values == expected && flags == expected)
            {
                return;
            }

            if (values > expected || flags > expected || deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException($"victoria-metrics holds {values} values and {flags} flags, expected {expected} of each");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
