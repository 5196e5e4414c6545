using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Plantower PMS5003 or PMS7003 particulate matter over a serial line at 9600 baud, 8N1. There is no binding for it
/// in Iot.Device.Bindings: the frames are parsed here (<see cref="PlantowerFrameParser"/>). Gives the "atmospheric
/// environment" PM1, PM2.5 and PM10, the values meant for outdoor air. Puts the sensor to sleep and wakes it as its
/// <see cref="DutyCycle"/> says, and discards what it sends while its fan warms up. Not thread-safe (see
/// <see cref="ISensor"/>).
/// </summary>
internal sealed class PlantowerSensor : ISerialSensor
{
    private readonly string _name;
    private readonly string _portName;
    private readonly Stream _port;
    private readonly PlantowerMode _mode;
    private readonly TimeSpan _frameTimeout;
    private readonly PlantowerFrameParser _parser = new();
    private readonly SerialFrameReader<PlantowerFrame> _reader;
    private readonly DutyCycleSchedule _schedule;
    private long _discarded;

    /// <summary>Creates the sensor; nothing is sent before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="port">The serial stream; disposed with the sensor.</param>
    /// <param name="portName">Where the stream comes from (<c>/dev/serial0</c>), for messages.</param>
    /// <param name="time">The clock of the duty cycle and the frame time-out.</param>
    /// <param name="mode">Active (the sensor sends on its own) or passive (one frame per read, on request).</param>
    /// <param name="dutyCycle">When the sensor runs; default <see cref="DutyCycle.Continuous"/>.</param>
    /// <param name="frameTimeout">
    /// How long a read waits for a frame before the sensor is reported failing; default 5 s (the sensor sends every
    /// 0.2–2.3 s in active mode).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="dutyCycle"/> cannot be used.</exception>
    public PlantowerSensor(
        string name,
        Stream port,
        string portName,
        TimeProvider time,
        PlantowerMode mode = PlantowerMode.Active,
        DutyCycle? dutyCycle = null,
        TimeSpan? frameTimeout = null)
    {
        dutyCycle ??= DutyCycle.Continuous;
        if (dutyCycle.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"PMS5003/7003 '{name}': " + string.Join(" ", problems), nameof(dutyCycle));
        }

        _name = name;
        _port = port;
        _portName = portName;
        _mode = mode;
        _frameTimeout = frameTimeout ?? TimeSpan.FromSeconds(5);
        _reader = new SerialFrameReader<PlantowerFrame>(port, _parser, time);
        _schedule = new DutyCycleSchedule(dutyCycle, time);
    }

    /// <inheritdoc/>
    public string Name => _name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Pm1, MetricCatalogue.Pm2_5, MetricCatalogue.Pm10];

    /// <inheritdoc/>
    public FrameCounters Counters => _parser.Counters with { DiscardedWhileWarmingUp = _discarded };

    /// <summary>
    /// Gives PM1, PM2.5 and PM10 in µg/m³ from the newest frame the sensor has sent; nothing while it sleeps or
    /// warms up.
    /// </summary>
    /// <exception cref="SensorException">No valid frame arrived within the frame time-out, or the port closed.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (command, state) = _schedule.Next();
            if (command == LaserCommand.Wake)
            {
                // The mode is sent after every wake-up: a sensor that lost power is back in active mode.
                await _reader.WriteAsync(PlantowerCommands.Wake, cancellationToken);
                await _reader.WriteAsync(_mode == PlantowerMode.Passive ? PlantowerCommands.Passive : PlantowerCommands.Active, cancellationToken);
            }
            else if (command == LaserCommand.Sleep)
            {
                await _reader.WriteAsync(PlantowerCommands.Sleep, cancellationToken);
            }

            if (state == LaserState.Asleep)
            {
                return [];
            }

            if (_mode == PlantowerMode.Passive)
            {
                await _reader.WriteAsync(PlantowerCommands.Read, cancellationToken);
            }

            var frame = await _reader.ReadNewestAsync(_frameTimeout, cancellationToken);
            if (state == LaserState.WarmingUp)
            {
                _discarded++;
                return [];
            }

            return
            [
                new(MetricCatalogue.Pm1, frame.AtmosphericPm1),
                new(MetricCatalogue.Pm2_5, frame.AtmosphericPm2_5),
                new(MetricCatalogue.Pm10, frame.AtmosphericPm10),
            ];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _schedule.Forget();
            throw Fault(ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _port.Dispose();

    private SensorException Fault(Exception ex) => ex switch
    {
        TimeoutException => new SensorException(
            $"PMS5003/7003 '{_name}' on {_portName}: {ex.Message} ({Counters}). Check its TX to the Pi's RX (GPIO 15, pin 10) "
            + "and its RX to the Pi's TX (GPIO 14, pin 8), 5 V (pin 2 or 4: the fan needs 5 V) and GND, that its SET pin "
            + "is not pulled low (that is sleep), and that the UART is on (enable_uart=1) with the serial console off.",
            ex, deviceMissing: ex is SerialTimeoutException { NothingReceived: true }),
        EndOfStreamException => new SensorException(
            $"PMS5003/7003 '{_name}': {_portName} closed ({ex.Message}): a USB serial adapter unplugged? Plug it in again and restart the bridge.",
            ex, deviceMissing: true),
        _ => new SensorException($"PMS5003/7003 '{_name}' on {_portName}: {ex.Message}", ex),
    };
}
