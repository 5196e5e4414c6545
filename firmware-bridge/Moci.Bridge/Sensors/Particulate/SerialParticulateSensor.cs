using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// What a particulate-matter sensor with a fan and a laser on a serial line (9600 baud, 8N1) does on every read,
/// whichever its make: follow its <see cref="DutyCycle"/> (wake it, put it to sleep), give nothing while it sleeps,
/// take the newest frame it sent, discard what it sends while its fan warms up, and turn a failed read into a
/// <see cref="SensorException"/> that says what to check. A make says how it is woken, put to sleep and asked for a
/// frame, what a frame gives, and how it is wired. Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
/// <typeparam name="TFrame">A decoded frame of the make.</typeparam>
internal abstract class SerialParticulateSensor<TFrame> : ISerialSensor
{
    private readonly Stream _port;
    private readonly IFrameParser<TFrame> _parser;
    private readonly TimeSpan _frameTimeout;
    private readonly DutyCycleSchedule _schedule;
    private long _discarded;

    /// <summary>Creates the sensor; nothing is sent before the first read.</summary>
    /// <param name="model">The make as messages name it, e.g. <c>SDS011</c>.</param>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="port">The serial stream; disposed with the sensor.</param>
    /// <param name="portName">Where the stream comes from (<c>/dev/serial0</c>), for messages.</param>
    /// <param name="parser">Finds the make's frames in what it sends.</param>
    /// <param name="time">The clock of the duty cycle and the frame time-out.</param>
    /// <param name="dutyCycle">When the sensor runs; null for <see cref="DutyCycle.Continuous"/>.</param>
    /// <param name="frameTimeout">How long a read waits for a frame before the sensor is reported failing.</param>
    /// <exception cref="ArgumentException"><paramref name="dutyCycle"/> cannot be used.</exception>
    protected SerialParticulateSensor(
        string model,
        string name,
        Stream port,
        string portName,
        IFrameParser<TFrame> parser,
        TimeProvider time,
        DutyCycle? dutyCycle,
        TimeSpan frameTimeout)
    {
        dutyCycle ??= DutyCycle.Continuous;
        if (dutyCycle.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"{model} '{name}': " + string.Join(" ", problems), nameof(dutyCycle));
        }

        Model = model;
        Name = name;
        PortName = portName;
        _port = port;
        _parser = parser;
        _frameTimeout = frameTimeout;
        Reader = new SerialFrameReader<TFrame>(port, parser, time);
        _schedule = new DutyCycleSchedule(dutyCycle, time);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<Metric> Metrics { get; }

    /// <inheritdoc/>
    public FrameCounters Counters => _parser.Counters with { DiscardedWhileWarmingUp = _discarded };

    /// <summary>The make, as messages name it.</summary>
    protected string Model { get; }

    /// <summary>Where the serial stream comes from, for messages.</summary>
    protected string PortName { get; }

    /// <summary>Reads frames from, and writes commands to, the serial line.</summary>
    protected SerialFrameReader<TFrame> Reader { get; }

    /// <summary>
    /// What to check when no valid frame arrives in time, a sentence or two starting with "Check": the wiring to the
    /// Pi's pins, the 5 V its fan needs, the UART.
    /// </summary>
    protected abstract string WiringAdvice { get; }

    /// <summary>Gives the make's values in µg/m³ from the newest frame the sensor has sent; nothing while it sleeps or warms up.</summary>
    /// <exception cref="SensorException">No valid frame arrived within the frame time-out, or the port closed.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (command, state) = _schedule.Next();
            if (command == LaserCommand.Wake)
            {
                await WakeAsync(cancellationToken);
            }
            else if (command == LaserCommand.Sleep)
            {
                await SleepAsync(cancellationToken);
            }

            if (state == LaserState.Asleep)
            {
                return [];
            }

            await RequestFrameAsync(cancellationToken);
            var frame = await Reader.ReadNewestAsync(_frameTimeout, cancellationToken);
            if (state == LaserState.WarmingUp)
            {
                _discarded++;
                return [];
            }

            return Values(frame);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _schedule.Forget();
            throw Fault(ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _port.Dispose();

    /// <summary>Wakes the sensor (its fan and laser start) and sets it up to send frames.</summary>
    protected abstract Task WakeAsync(CancellationToken cancellationToken);

    /// <summary>Puts the sensor to sleep (its fan and laser stop).</summary>
    protected abstract Task SleepAsync(CancellationToken cancellationToken);

    /// <summary>Asks for a frame, for a sensor that sends only on request; nothing by default (it sends on its own).</summary>
    protected virtual Task RequestFrameAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The values of a frame, in the catalogue units of <see cref="Metrics"/>.</summary>
    protected abstract IReadOnlyList<Measurement> Values(TFrame frame);

    private SensorException Fault(Exception ex) => ex switch
    {
        TimeoutException => new SensorException(
            $"{Model} '{Name}' on {PortName}: {ex.Message} ({Counters}). {WiringAdvice}",
            ex, deviceMissing: ex is SerialTimeoutException { NothingReceived: true }),
        EndOfStreamException => new SensorException(
            $"{Model} '{Name}': {PortName} closed ({ex.Message}): a USB serial adapter unplugged? Plug it in again and restart the bridge.",
            ex, deviceMissing: true),
        _ => new SensorException($"{Model} '{Name}' on {PortName}: {ex.Message}", ex),
    };
}
