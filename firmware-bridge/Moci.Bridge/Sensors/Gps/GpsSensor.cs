using Iot.Device.Nmea0183.Sentences;
using Moci.Bridge.Sensors.Bus;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Sensors.Gps;

/// <summary>
/// A GPS receiver sending NMEA 0183 over a serial line (9600 baud 8N1 for the common u-blox NEO-6M/M8N modules), for
/// the mobile kit: gives the station's latitude and longitude, and keeps the satellites' time of the last fix
/// (<see cref="LastFix"/>) so that a station without network can tell whether its clock is right. It needs the RMC
/// sentence (date, time, position; every receiver sends it by default); GGA adds the satellite count. Sentences
/// without a fix (RMC status V, GGA quality 0) are counted and give no position: a receiver needs from about 30 s to
/// several minutes under open sky to find one. Read it every second or two: a receiver sends about 500 bytes a
/// second, and a Linux serial port holds only 4 KB, so a port read less often fills up and the newest sentences are
/// lost, leaving a fix (and a clock) that is seconds old when read. Reads are not thread-safe (see <see cref="ISensor"/>);
/// <see cref="LastFix"/> and <see cref="HasFix"/> may be read from any thread.
/// </summary>
internal sealed class GpsSensor : ISerialSensor
{
    private readonly string _name;
    private readonly string _portName;
    private readonly Stream _port;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sentenceTimeout;
    private readonly NmeaSentenceParser _parser = new();
    private readonly SerialFrameReader<NmeaSentence> _reader;
    private volatile GpsFix? _lastFix;
    private volatile bool _hasFix;
    private long _withoutFix;

    /// <summary>Creates the sensor; nothing is read before the first read.</summary>
    /// <param name="name">The configured name, for errors and health.</param>
    /// <param name="port">The serial stream; disposed with the sensor.</param>
    /// <param name="portName">Where the stream comes from (<c>/dev/serial0</c>), for messages.</param>
    /// <param name="time">The station's clock, which dates <see cref="GpsFix.ReceivedAt"/> and the time-out.</param>
    /// <param name="sentenceTimeout">How long a read waits for an RMC or GGA sentence (sent every second); default 5 s.</param>
    public GpsSensor(string name, Stream port, string portName, TimeProvider time, TimeSpan? sentenceTimeout = null)
    {
        _name = name;
        _port = port;
        _portName = portName;
        _time = time;
        _sentenceTimeout = sentenceTimeout ?? TimeSpan.FromSeconds(5);
        _reader = new SerialFrameReader<NmeaSentence>(port, _parser, time);
    }

    /// <inheritdoc/>
    public string Name => _name;

    /// <inheritdoc/>
    public IReadOnlyList<Metric> Metrics { get; } = [MetricCatalogue.Latitude, MetricCatalogue.Longitude];

    /// <inheritdoc/>
    public FrameCounters Counters => _parser.Counters;

    /// <summary>The last fix the receiver gave, or null until it has given one. Kept when the fix is lost. Thread-safe.</summary>
    public GpsFix? LastFix => _lastFix;

    /// <summary>Whether the newest RMC or GGA sentence read had a fix. Thread-safe.</summary>
    public bool HasFix => _hasFix;

    /// <summary>RMC and GGA sentences read that had no fix.</summary>
    public long SentencesWithoutFix => Interlocked.Read(ref _withoutFix);

    /// <summary>
    /// Reads the sentences that have arrived and gives the latitude and longitude in decimal degrees of the newest fix;
    /// nothing while the receiver has no fix.
    /// </summary>
    /// <exception cref="SensorException">No RMC or GGA sentence with a good checksum arrived within the time-out, or the port closed.</exception>
    public async ValueTask<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<NmeaSentence> sentences;
        try
        {
            sentences = await _reader.ReadAvailableAsync(_sentenceTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _hasFix = false;
            throw Fault(ex);
        }

        foreach (var sentence in sentences)
        {
            Apply(sentence);
        }

        return _hasFix && _lastFix is { } fix
            ? [new(MetricCatalogue.Latitude, fix.LatitudeDegrees), new(MetricCatalogue.Longitude, fix.LongitudeDegrees)]
            : [];
    }

    /// <inheritdoc/>
    public void Dispose() => _port.Dispose();

    private void Apply(NmeaSentence sentence)
    {
        switch (sentence)
        {
            case RecommendedMinimumNavigationInformation rmc
                when rmc.Valid && rmc.Status == NavigationStatus.Valid && rmc.DateTime != DateTimeOffset.MinValue:
                _lastFix = new GpsFix(rmc.DateTime.ToUniversalTime(), rmc.Position.Latitude, rmc.Position.Longitude, null, _time.GetUtcNow());
                _hasFix = true;
                break;
            case GlobalPositioningSystemFixData gga when gga.Valid && gga.Status != GpsQuality.NoFix:
                // The GGA of the same second as the RMC (the receiver sends RMC first): it adds the satellites.
                if (_lastFix is { } fix && fix.UtcTime.TimeOfDay == gga.DateTime.ToUniversalTime().TimeOfDay)
                {
                    _lastFix = fix with { Satellites = gga.NumberOfSatellites };
                }

                break;
            default:
                Interlocked.Increment(ref _withoutFix);
                _hasFix = false;
                break;
        }
    }

    private SensorException Fault(Exception ex) => ex switch
    {
        TimeoutException => new SensorException(
            $"GPS '{_name}' on {_portName}: {ex.Message} ({Counters}). Check its TX to the Pi's RX (GPIO 15, pin 10), "
            + "VCC (3.3 V or 5 V as the module says) and GND, the baud rate (9600 for most modules), and that the UART is on "
            + "(enable_uart=1) with the serial console off.",
            ex, deviceMissing: ex is SerialTimeoutException { NothingReceived: true }),
        EndOfStreamException => new SensorException(
            $"GPS '{_name}': {_portName} closed ({ex.Message}): a USB GPS unplugged? Plug it in again and restart the bridge.",
            ex, deviceMissing: true),
        _ => new SensorException($"GPS '{_name}' on {_portName}: {ex.Message}", ex),
    };
}
