using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Commands;

/// <summary>A sensor that gives the values it is handed, or throws the fault it is handed.</summary>
internal sealed class FakeSensor(string name, Func<IReadOnlyList<Measurement>> read) : ISensor
{
    public string Name => name;

    public IReadOnlyList<Metric> Metrics => [];

    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(read());

    public void Dispose()
    {
    }
}
