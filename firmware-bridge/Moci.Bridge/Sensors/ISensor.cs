using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors;

/// <summary>
/// A sensor the station reads, behind the bus abstraction its driver takes (an I2C device, a serial stream, a
/// 1-Wire folder), so that tests run the real driver over a simulated bus. Implementations are not thread-safe:
/// the sampler reads each sensor from one loop.
/// </summary>
public interface ISensor : IDisposable
{
    /// <summary>The name the station's configuration gives it (unique per station), used in health reports and errors.</summary>
    string Name { get; }

    /// <summary>The metrics of the catalogue this sensor gives.</summary>
    IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Reads one sample.</summary>
    /// <returns>
    /// Values in their metric's catalogue unit; an empty list when the device has nothing valid yet (warming up, a
    /// frame not complete) — that is not a fault.
    /// </returns>
    /// <exception cref="SensorException">The device is absent or faulty; the message says what to check.</exception>
    ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken);
}
