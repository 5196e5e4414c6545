using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// Plantower PMS5003 or PMS7003 particulate matter over a serial line at 9600 baud, 8N1. There is no binding for it
/// in Iot.Device.Bindings: the frames are parsed here (<see cref="PlantowerFrameParser"/>). Gives the "atmospheric
/// environment" PM1, PM2.5 and PM10, the values meant for outdoor air. Puts the sensor to sleep and wakes it as its
/// <see cref="DutyCycle"/> says, and discards what it sends while its fan warms up (<see cref="SerialParticulateSensor{TFrame}"/>).
/// Not thread-safe (see <see cref="ISensor"/>).
/// </summary>
internal sealed class PlantowerSensor : SerialParticulateSensor<PlantowerFrame>
{
    private readonly PlantowerMode _mode;

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
        : base("PMS5003/7003", name, port, portName, new PlantowerFrameParser(), time, dutyCycle, frameTimeout ?? TimeSpan.FromSeconds(5))
    {
        _mode = mode;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Pm1, MetricCatalogue.Pm2_5, MetricCatalogue.Pm10];

    /// <inheritdoc/>
    protected override string WiringAdvice =>
        "Check its TX to the Pi's RX (GPIO 15, pin 10) and its RX to the Pi's TX (GPIO 14, pin 8), 5 V (pin 2 or 4: the "
        + "fan needs 5 V) and GND, that its SET pin is not pulled low (that is sleep), and that the UART is on "
        + "(enable_uart=1) with the serial console off.";

    /// <inheritdoc/>
    protected override async Task WakeAsync(CancellationToken cancellationToken)
    {
        // The mode is sent after every wake-up: a sensor that lost power is back in active mode.
        await Reader.WriteAsync(PlantowerCommands.Wake, cancellationToken);
        await Reader.WriteAsync(_mode == PlantowerMode.Passive ? PlantowerCommands.Passive : PlantowerCommands.Active, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task SleepAsync(CancellationToken cancellationToken) => Reader.WriteAsync(PlantowerCommands.Sleep, cancellationToken);

    /// <summary>In passive mode the sensor sends one frame per request.</summary>
    protected override Task RequestFrameAsync(CancellationToken cancellationToken) =>
        _mode == PlantowerMode.Passive ? Reader.WriteAsync(PlantowerCommands.Read, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc/>
    protected override IReadOnlyList<Measurement> Values(PlantowerFrame frame) =>
    [
        new(MetricCatalogue.Pm1, frame.AtmosphericPm1),
        new(MetricCatalogue.Pm2_5, frame.AtmosphericPm2_5),
        new(MetricCatalogue.Pm10, frame.AtmosphericPm10),
    ];
}
