namespace Moci.Kit.Health;

/// <summary>How a sensor is doing, as the health report and <c>moci-bridge check</c> say it.</summary>
internal enum SensorState
{
    /// <summary>Its last read gave values, or nothing yet while it warms up.</summary>
    Ok,

    /// <summary>It cannot be opened: not connected, wrong address or port, no driver.</summary>
    Missing,

    /// <summary>It was opened, but its last read failed.</summary>
    Failing,
}
