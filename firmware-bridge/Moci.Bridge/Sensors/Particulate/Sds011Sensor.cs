using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Nova Fitness SDS011 particulate matter over a serial line at 9600 baud, 8N1. There is no binding for it in
/// Iot.Device.Bindings: the frames are parsed here (<see cref="Sds011FrameParser"/>). Gives PM2.5 and PM10. Puts the
/// sensor to sleep and wakes it as its <see cref="DutyCycle"/> says, so that the laser lasts, and discards what it
/// sends while its fan warms up. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class Sds011Sensor : ISerialSensor
{
    private readonly string _name;
    private readonly string _portName;
    private readonly Stream _port;
    private readonly TimeSpan _frameTimeout;
    private readonly Sds011FrameParser _parser = new();
    private readonly SerialFrameReader<Sds011Frame> _reader;
    private readonly DutyCycleSchedule _schedule;
    private bool _configured;
    private long _discarded;

    /// <summary>Creates the sensor; nothing is sent before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="port">The serial stream; disposed with the sensor.</param>
    /// <param name="portName">Where the stream comes from (<c>/dev/ttyUSB0</c>), for messages.</param>
    /// <param name="time">The clock of the duty cycle and the frame time-out.</param>
    /// <param name="dutyCycle">When the sensor runs; default <see cref="DutyCycle.Continuous"/>.</param>
    /// <param name="frameTimeout">How long a read waits for a frame (the sensor sends one a second); default 5 s.</param>
    /// <exception cref="ArgumentException"><paramref name="dutyCycle"/> cannot be used.</exception>
    public Sds011Sensor(string name, Stream port, string portName, TimeProvider time, DutyCycle? dutyCycle = null, TimeSpan? frameTimeout = null)
    {
        dutyCycle ??= DutyCycle.Continuous;
        if (dutyCycle.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"SDS011 '{name}': " + string.Join(" ", problems), nameof(dutyCycle));
        }

        _name = name;
        _port = port;
        _portName = portName;
        _frameTimeout = frameTimeout ?? TimeSpan.FromSeconds(5);
        _reader = new SerialFrameReader<Sds011Frame>(port, _parser, time);
        _schedule = new DutyCycleSchedule(dutyCycle, time);
    }

    /// <inheritdoc/>
    public string Name => _name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Pm2_5, MetricCatalogue.Pm10];

    /// <inheritdoc/>
    public FrameCounters Counters => _parser.Counters with { DiscardedWhileWarmingUp = _discarded };

    /// <summary>Gives PM2.5 and PM10 in µg/m³ from the newest report the sensor has sent; nothing while it sleeps or warms up.</summary>
    /// <exception cref="SensorException">No valid report arrived within the frame time-out, or the port closed.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (command, state) = _schedule.Next();
            if (command == LaserCommand.Wake)
            {
                await _reader.WriteAsync(Sds011Commands.Work, cancellationToken);
                if (!_configured)
                {
                    // Kept by the sensor across power cycles (it writes them to its flash), so sent once per start,
                    // after the wake-up: a sensor left in query mode or in its own working period by other software
                    // would otherwise stay silent or fall asleep on its own.
                    await _reader.WriteAsync(Sds011Commands.ActiveReporting, cancellationToken);
                    await _reader.WriteAsync(Sds011Commands.ContinuousWorking, cancellationToken);
                    _configured = true;
                }
            }
            else if (command == LaserCommand.Sleep)
            {
                await _reader.WriteAsync(Sds011Commands.Sleep, cancellationToken);
            }

            if (state == LaserState.Asleep)
            {
                return [];
            }

            var frame = await _reader.ReadNewestAsync(_frameTimeout, cancellationToken);
            if (state == LaserState.WarmingUp)
            {
                _discarded++;
                return [];
            }

            return
            [
                new(MetricCatalogue.Pm2_5, frame.Pm2_5MicrogramsPerCubicMetre),
                new(MetricCatalogue.Pm10, frame.Pm10MicrogramsPerCubicMetre),
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
            $"SDS011 '{_name}' on {_portName}: {ex.Message} ({Counters}). Check its TXD to the Pi's RX (GPIO 15, pin 10) "
            + "or its USB adapter, 5 V (pin 2 or 4: the fan needs 5 V) and GND, and that the UART is on (enable_uart=1) "
            + "with the serial console off.",
            ex, deviceMissing: ex is SerialTimeoutException { NothingReceived: true }),
        EndOfStreamException => new SensorException(
            $"SDS011 '{_name}': {_portName} closed ({ex.Message}): a USB serial adapter unplugged? Plug it in again and restart the bridge.",
            ex, deviceMissing: true),
        _ => new SensorException($"SDS011 '{_name}' on {_portName}: {ex.Message}", ex),
    };
}
