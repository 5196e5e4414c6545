namespace Moci.Bridge.Sensors.Particulate;

/// <summary>How a Plantower sensor sends its frames.</summary>
internal enum PlantowerMode
{
    /// <summary>On its own, about once a second (the sensor's default after power-up).</summary>
    Active,

    /// <summary>Only when asked: one frame per read.</summary>
    Passive,
}
