namespace Moci.Bridge.Sensors;

/// <summary>How a sensor is doing, by its last read.</summary>
public enum SensorState
{
    /// <summary>Not read yet since the bridge started.</summary>
    NotReadYet,

    /// <summary>The last read succeeded (it may have given no value: warming up, asleep, no GPS fix).</summary>
    Ok,

    /// <summary>The last read found nothing answering: wiring, power, address, port or bus not enabled.</summary>
    Missing,

    /// <summary>The last read found the device answering wrongly: bad checksums, impossible values, another chip.</summary>
    Failing,
}
