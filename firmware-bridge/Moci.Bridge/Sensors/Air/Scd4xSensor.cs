using System.Device.I2c;
using Iot.Device.Scd4x;
using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Air;

/// <summary>
/// Sensirion SCD40/SCD41 CO₂ over I2C, through the <c>Iot.Device.Scd4x</c> binding. The sensor measures on its own
/// every 5 s once periodic measurement is started (SCD4x datasheet, <c>start_periodic_measurement</c>); a read asks it
/// first whether a new measurement is ready (<c>get_data_ready_status</c>) and gives nothing until one is, so the
/// sampler is never held up for the 5 s the binding would otherwise wait. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
/// <param name="name">The configured name, for errors and health.</param>
/// <param name="device">The device at 0x62; disposed with the sensor.</param>
internal sealed class Scd4xSensor(string name, I2cDevice device) : ISensor
{
    private const string AddressHint = "always 0x62";

    // get_data_ready_status: 1 ms execution time; the lower 11 bits of the answer are 0 while no measurement is ready.
    private static readonly byte[] GetDataReadyStatus = [0xE4, 0xB8];
    private static readonly TimeSpan CommandExecutionTime = TimeSpan.FromMilliseconds(1);

    private Scd4x? _binding;

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Co2];

    /// <summary>
    /// Gives the CO₂ mixing ratio in ppm of the measurement the sensor has finished since the last read, or nothing while
    /// there is none: for the first 5 s after start and between the sensor's 5-second measurements.
    /// </summary>
    /// <exception cref="SensorException">No SCD4x answers, or its answer fails its CRC.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (_binding is null)
            {
                // The binding's constructor stops a periodic measurement a previous run may have left going and
                // re-initialises the sensor (about 0.5 s); the first measurement is then 5 s away.
                _binding = new Scd4x(device);
                _binding.StartPeriodicMeasurements();
                return [];
            }

            if (!await IsDataReadyAsync(cancellationToken))
            {
                return [];
            }

            var (co2, _, _) = await _binding.ReadPeriodicMeasurementAsync(cancellationToken);
            if (co2 is not { } ppm)
            {
                throw CrcFailed();
            }

            return [new(MetricCatalogue.Co2, ppm.PartsPerMillion)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _binding = null;
            throw ex as SensorException ?? I2cFault.NoAnswer($"SCD4x '{name}'", device.ConnectionSettings, AddressHint, ex);
        }
    }

    /// <summary>Stops the periodic measurement (about 0.5 s) and closes the device.</summary>
    public void Dispose()
    {
        if (_binding is not null)
        {
            _binding.Dispose();
        }
        else
        {
            device.Dispose();
        }
    }

    private async Task<bool> IsDataReadyAsync(CancellationToken cancellationToken)
    {
        device.Write(GetDataReadyStatus);
        await Task.Delay(CommandExecutionTime, cancellationToken);
        var answer = new byte[3];
        device.Read(answer);
        if (SensirionCrc.Compute(answer[0], answer[1]) != answer[2])
        {
            throw CrcFailed();
        }

        return ((answer[0] << 8 | answer[1]) & 0x07FF) != 0;
    }

    private SensorException CrcFailed() => new(
        $"SCD4x '{name}' on {I2cFault.Where(device.ConnectionSettings)}: an answer failed its CRC check. Noise on the bus: "
        + "shorten the wires (under about 1 m for I2C) and check the SDA/SCL pull-ups.");
}
