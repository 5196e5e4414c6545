using BenchmarkDotNet.Attributes;
using Moci.Kit.Simulation;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;

namespace Moci.Benchmarks;

/// <summary>Decoding and encoding one air station's batch (7 readings), as the intake and the bridge do per message.</summary>
[MemoryDiagnoser]
public class SenMLBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private byte[] _pack = [];
    private IReadOnlyList<Moci.Telemetry.Readings.Reading> _readings = [];

    [GlobalSetup]
    public void Setup()
    {
        _readings = new StationSimulator(1).Sample("rrg-school-01", StationKind.Air, Now);
        _pack = StationPack.Encode("rrg-school-01", _readings);
    }

    [Benchmark]
    public int DecodeAndMap()
    {
        SenMLDecoder.TryDecode(_pack, Now, out var records, out _);
        return StationPack.Read("rrg-school-01", records, Now).Readings.Count;
    }

    [Benchmark]
    public int Encode() => StationPack.Encode("rrg-school-01", _readings).Length;
}
