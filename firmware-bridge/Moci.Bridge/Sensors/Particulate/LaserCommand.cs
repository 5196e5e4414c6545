namespace Moci.Bridge.Sensors.Particulate;

/// <summary>A command a duty-cycled particle sensor is to be sent now.</summary>
internal enum LaserCommand
{
    /// <summary>Nothing to send.</summary>
    None,

    /// <summary>Wake it (SDS011: work; Plantower: wake-up).</summary>
    Wake,

    /// <summary>Put it to sleep.</summary>
    Sleep,
}
