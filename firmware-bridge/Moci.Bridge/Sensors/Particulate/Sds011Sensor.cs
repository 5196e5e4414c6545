using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Nova Fitness SDS011 particulate matter over a serial line at 9600 baud, 8N1. There is no binding for it in
/// Iot.Device.Bindings: the frames are parsed here (<see cref="Sds011FrameParser"/>). Gives PM2.5 and PM10. Puts the
/// sensor to sleep and wakes it as its <see cref="DutyCycle"/> says, so that the laser lasts, and discards what it
/// sends while its fan warms up (<see cref="SerialParticulateSensor{TFrame}"/>). Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class Sds011Sensor : SerialParticulateSensor<Sds011Frame>
{
    private bool _configured;

    /// <summary>Creates the sensor; nothing is sent before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="port">The serial stream; disposed with the sensor.</param>
    /// <param name="portName">Where the stream comes from (<c>/dev/ttyUSB0</c>), for messages.</param>
    /// <param name="time">The clock of the duty cycle and the frame time-out.</param>
    /// <param name="dutyCycle">When the sensor runs; default <see cref="DutyCycle.Continuous"/>.</param>
    /// <param name="frameTimeout">How long a read waits for a frame (the sensor sends one a second); default 5 s.</param>
    /// <exception cref="ArgumentException"><paramref name="dutyCycle"/> cannot be used.</exception>
    public Sds011Sensor(string name, Stream port, string portName, TimeProvider time, DutyCycle? dutyCycle = null, TimeSpan? frameTimeout = null)
        : base("SDS011", name, port, portName, new Sds011FrameParser(), time, dutyCycle, frameTimeout ?? TimeSpan.FromSeconds(5))
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Pm2_5, MetricCatalogue.Pm10];

    /// <inheritdoc/>
    protected override string WiringAdvice =>
        "Check its TXD to the Pi's RX (GPIO 15, pin 10) or its USB adapter, 5 V (pin 2 or 4: the fan needs 5 V) and GND, "
        + "and that the UART is on (enable_uart=1) with the serial console off.";

    /// <inheritdoc/>
    protected override async Task WakeAsync(CancellationToken cancellationToken)
    {
        await Reader.WriteAsync(Sds011Commands.Work, cancellationToken);
        if (!_configured)
        {
            // Kept by the sensor across power cycles (it writes them to its flash), so sent once per start,
            // after the wake-up: a sensor left in query mode or in its own working period by other software
            // would otherwise stay silent or fall asleep on its own.
            await Reader.WriteAsync(Sds011Commands.ActiveReporting, cancellationToken);
            await Reader.WriteAsync(Sds011Commands.ContinuousWorking, cancellationToken);
            _configured = true;
        }
    }

    /// <inheritdoc/>
    protected override Task SleepAsync(CancellationToken cancellationToken) => Reader.WriteAsync(Sds011Commands.Sleep, cancellationToken);

    /// <inheritdoc/>
    protected override IReadOnlyList<Measurement> Values(Sds011Frame frame) =>
    [
        new(MetricCatalogue.Pm2_5, frame.Pm2_5MicrogramsPerCubicMetre),
        new(MetricCatalogue.Pm10, frame.Pm10MicrogramsPerCubicMetre),
    ];
}
