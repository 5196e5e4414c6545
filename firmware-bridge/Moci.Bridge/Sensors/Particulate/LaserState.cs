namespace Moci.Bridge.Sensors.Particulate;

/// <summary>What a duty-cycled particle sensor is doing.</summary>
internal enum LaserState
{
    /// <summary>Told to sleep: fan and laser off, no data.</summary>
    Asleep,

    /// <summary>Awake, fan settling: data is read and discarded.</summary>
    WarmingUp,

    /// <summary>Awake and settled: data is used.</summary>
    Measuring,
}
