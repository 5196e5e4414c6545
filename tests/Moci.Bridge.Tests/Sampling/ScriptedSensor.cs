using System.Threading.Channels;
using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sampling;

/// <summary>A sensor whose next read gives what the test set; each read is announced on <see cref="Reads"/>.</summary>
internal sealed class ScriptedSensor : ISensor
{
    private readonly Channel<int> _reads = Channel.CreateUnbounded<int>();
    private int _count;

    /// <summary>What the next read gives; throw a <see cref="SensorException"/> to fail.</summary>
    public Func<IReadOnlyList<Measurement>> Next { get; set; } = () => [];

    /// <summary>The number of each read, as it happens.</summary>
    public ChannelReader<int> Reads => _reads.Reader;

    public string Name => "dust";

    public IReadOnlyList<Metric> Metrics => [MetricCatalogue.Pm2_5];

    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(Next());
        }
        finally
        {
            _reads.Writer.TryWrite(++_count);
        }
    }

    public void Dispose()
    {
    }
}
