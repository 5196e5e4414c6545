namespace Moci.Bridge.Sensors.Bus;

/// <summary>A sensor on a serial line, whose frame counts belong in its health status.</summary>
internal interface ISerialSensor : ISensor
{
    /// <summary>Frames decoded, rejected for a bad checksum, bytes skipped and frames discarded while warming up.</summary>
    FrameCounters Counters { get; }
}
