using Moci.Bridge.Sensors.Bus;
using Moci.Bridge.Sensors.Gps;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors;

/// <summary>
/// Wraps a sensor to keep its <see cref="SensorStatus"/>: every read through it records whether the device answered
/// (ok), did not answer (missing) or answered wrongly (failing), with the last error. The sampler reads sensors
/// through this; the health report and <c>moci-bridge check</c> read <see cref="Status"/> or call
/// <see cref="ProbeAsync"/>. Reads are not thread-safe (one loop reads a sensor); <see cref="Status"/> may be read
/// from any thread.
/// </summary>
/// <param name="sensor">The sensor; disposed with this.</param>
/// <param name="time">The station's clock, which dates the status.</param>
internal sealed class MonitoredSensor(ISensor sensor, TimeProvider time) : ISensor
{
    private volatile SensorStatus _status = new(sensor.Name, SensorState.NotReadYet, null, null, null, 0, 0, null);

    /// <summary>The sensor read through this.</summary>
    public ISensor Sensor => sensor;

    /// <inheritdoc/>
    public string Name => sensor.Name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics => sensor.Metrics;

    /// <summary>The sensor's health as of its last read. Thread-safe.</summary>
    public SensorStatus Status => _status;

    /// <summary>Reads the sensor and records the outcome in <see cref="Status"/>.</summary>
    /// <exception cref="SensorException">The read failed; <see cref="Status"/> says so too.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var before = _status;
        try
        {
            var values = await sensor.ReadAsync(cancellationToken);
            _status = before with
            {
                State = SensorState.Ok,
                LastValueAt = values.Count > 0 ? time.GetUtcNow() : before.LastValueAt,
                Reads = before.Reads + 1,
                Detail = Detail(),
            };
            return values;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A driver fault that is not a SensorException is a bug in the driver; it is still the sensor's failure,
            // reported rather than allowed to stop the sampler.
            var fault = ex as SensorException ?? new SensorException($"'{sensor.Name}': unexpected error: {ex.Message}", ex);
            _status = before with
            {
                State = fault.DeviceMissing ? SensorState.Missing : SensorState.Failing,
                LastError = fault.Message,
                LastErrorAt = time.GetUtcNow(),
                Reads = before.Reads + 1,
                Failures = before.Failures + 1,
                Detail = Detail(),
            };
            throw fault;
        }
    }

    /// <summary>Reads once and gives the resulting status, never throwing for a sensor fault: for <c>moci-bridge check</c>.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<SensorStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(cancellationToken);
        }
        catch (SensorException)
        {
            // Recorded in the status.
        }

        return _status;
    }

    /// <inheritdoc/>
    public void Dispose() => sensor.Dispose();

    private string? Detail() => sensor switch
    {
        GpsSensor gps => (gps.HasFix ? $"fix, {gps.LastFix?.Satellites?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} satellites" : "no fix")
            + $"; {gps.Counters}",
        ISerialSensor serial => serial.Counters.ToString(),
        _ => null,
    };
}
