using BenchmarkDotNet.Running;
using Moci.Benchmarks;

// dotnet run -c Release --project tests/Moci.Benchmarks -- pipeline [stations] [batches per station]
// dotnet run -c Release --project tests/Moci.Benchmarks -- ingest [stations] [batches per station] [window] [rounds]
// dotnet run -c Release --project tests/Moci.Benchmarks -- ingest-influx [stations] [batches per station] [window] [rounds]
// dotnet run -c Release --project tests/Moci.Benchmarks -- memory [stations] [idle sockets]
// dotnet run -c Release --project tests/Moci.Benchmarks -- backfill [days=7] [readings per batch=500] [batches in flight=8] [rounds=7]
// dotnet run -c Release --project tests/Moci.Benchmarks -- chart [rounds]
// dotnet run -c Release --project tests/Moci.Benchmarks -- export [rows ...]                   (default 1000000 10000000)
// dotnet run -c Release --project tests/Moci.Benchmarks -- soak [minutes=10] [stations=1000] [messages/s=2000]
// dotnet run -c Release --project tests/Moci.Benchmarks -- --filter '*'      (BenchmarkDotNet micro-benchmarks)
if (args.Length > 0 && args[0] == "pipeline")
{
    var stations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var batches = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    await PipelineThroughput.RunAsync(stations, batches);
    return;
}

if (args.Length > 0 && args[0] == "ingest")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await IngestBenchmark.RunAsync(stations: Arg(1, 10), batchesPerStation: Arg(2, 2_000), window: Arg(3, 16), rounds: Arg(4, 7));
    return;
}

if (args.Length > 0 && args[0] == "ingest-influx")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await IngestInfluxBenchmark.RunAsync(stations: Arg(1, 10), batchesPerStation: Arg(2, 2_000), window: Arg(3, 16), rounds: Arg(4, 7));
    return;
}

if (args.Length > 3 && args[0] == FloodWorker.Mode)
{
    await FloodWorker.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "backfill")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await BackfillBenchmark.RunAsync(days: Arg(1, 7), batchReadings: Arg(2, 500), window: Arg(3, 8), rounds: Arg(4, 7));
    return;
}

if (args.Length > 6 && args[0] == BackfillStation.Mode)
{
    await BackfillStation.MainAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "chart")
{
    await ChartBenchmark.RunAsync(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
    return;
}

if (args.Length > 0 && args[0] == "memory")
{
    await HubMemoryBenchmark.RunAsync(
        stations: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000,
        flood: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args.Length > 0 && args[0] == "export")
{
    await ExportBenchmark.RunAsync(args.Length > 1 ? args[1..].Select(a => long.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList() : [1_000_000, 10_000_000]);
    return;
}

if (args.Length > 0 && args[0] is "soak" or SoakLoad.Mode)
{
    await (args[0] == SoakLoad.Mode ? SoakLoad.MainAsync(args) : SoakBenchmark.MainAsync(args));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SenMLBenchmarks).Assembly).Run(args);
