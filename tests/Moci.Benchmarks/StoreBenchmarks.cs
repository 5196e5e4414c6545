using BenchmarkDotNet.Attributes;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;

namespace Moci.Benchmarks;

/// <summary>
/// Committing batches to the SQLite store with WAL and synchronous=FULL: 1 000 new readings in one
/// transaction (10 stations × 10 metrics × 10 instants), and the same 1 000 again (all duplicates).
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private string _folder = "";
    private SqliteReadingStore _store = null!;
    private long _next;
    private Reading[] _repeat = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "moci-bench-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteReadingStore(Path.Combine(_folder, "bench.db"));
        _repeat = Batch(0);
        _store.WriteAsync(_repeat).GetAwaiter().GetResult();
        _next = 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static Reading[] Batch(long index)
    {
        var t0 = DateTimeOffset.UnixEpoch.AddYears(56).AddSeconds(index * 10);
        return Enumerable.Range(0, 1000)
            .Select(i => new Reading($"station-{i / 100}", $"metric-{i / 10 % 10}", t0.AddSeconds(i % 10), i))
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public Task<WriteResult> Write1000New() => _store.WriteAsync(Batch(_next++));

    [Benchmark(OperationsPerInvoke = 1000)]
    public Task<WriteResult> Write1000Duplicates() => _store.WriteAsync(_repeat);
}
