using System.Device.I2c;
using Iot.Device.Scd4x;
using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Air;

/// <summary>
/// Sensirion SCD40/SCD41 CO₂ over I2C. The <c>Iot.Device.Scd4x</c> binding resets it, starts and stops its periodic
/// measurement; the sensor then measures on its own every 5 s (SCD4x datasheet, <c>start_periodic_measurement</c>). A
/// read asks it first whether a new measurement is ready (<c>get_data_ready_status</c>), gives nothing until one is,
/// and then reads it (<c>read_measurement</c>), so the sampler is never held up for the 5 s the binding would wait.
/// Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
/// <param name="name">The configured name, for errors and health.</param>
/// <param name="device">The device at 0x62; disposed with the sensor.</param>
internal sealed class Scd4xSensor(string name, I2cDevice device) : ISensor
{
    private const string AddressHint = "always 0x62";

    // get_data_ready_status: 1 ms execution time; the lower 11 bits of the answer are 0 while no measurement is ready.
    private static readonly byte[] GetDataReadyStatus = [0xE4, 0xB8];
    private static readonly TimeSpan CommandExecutionTime = TimeSpan.FromMilliseconds(1);

    // read_measurement: 1 ms execution time; the answer is CO₂ in ppm, temperature and humidity, each a word and its CRC.
    private static readonly byte[] ReadMeasurement = [0xEC, 0x05];

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

            var ppm = await ReadMeasurementAsync(cancellationToken);
            return [new(MetricCatalogue.Co2, ppm)];
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

    // The binding's ReadPeriodicMeasurementAsync waits on the system tick count until 5 s after its previous read
    // before it asks; after get_data_ready_status has said a measurement is ready that wait only holds the sampler
    // up, so the measurement is read here with the same command and decoding.
    private async Task<double> ReadMeasurementAsync(CancellationToken cancellationToken)
    {
        device.Write(ReadMeasurement);
        await Task.Delay(CommandExecutionTime, cancellationToken);
        var answer = new byte[9];
        device.Read(answer);
        if (SensirionCrc.Compute(answer[0], answer[1]) != answer[2])
        {
            throw CrcFailed();
        }

        return answer[0] << 8 | answer[1];
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
