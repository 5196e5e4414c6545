using BenchmarkDotNet.Running;
using Moci.Benchmarks;

// dotnet run -c Release --project tests/Moci.Benchmarks -- pipeline [stations] [batches per station]
// dotnet run -c Release --project tests/Moci.Benchmarks -- --filter '*'      (BenchmarkDotNet micro-benchmarks)
if (args.Length > 0 && args[0] == "pipeline")
{
    var stations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var batches = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    await PipelineThroughput.RunAsync(stations, batches);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SenMLBenchmarks).Assembly).Run(args);
