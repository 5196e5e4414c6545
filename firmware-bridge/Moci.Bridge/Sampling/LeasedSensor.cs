using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sampling;

/// <summary>
/// A sensor that holds a share of something it does not own (an analogue probe's ADS1115): disposing it closes the
/// sensor and gives the share back. Thread-safety as the sensor's.
/// </summary>
/// <param name="sensor">The sensor.</param>
/// <param name="lease">Disposed after the sensor.</param>
internal sealed class LeasedSensor(ISensor sensor, IDisposable lease) : ISensor
{
    /// <summary>The sensor itself.</summary>
    public ISensor Inner => sensor;

    /// <inheritdoc/>
    public string Name => sensor.Name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics => sensor.Metrics;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken) => sensor.ReadAsync(cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        sensor.Dispose();
        lease.Dispose();
    }
}
