namespace Moci.Bridge.Configuration;

/// <summary>A kind of sensor the bridge knows, with the settings it takes and how it is wired.</summary>
/// <param name="Name">The <c>type</c> in the configuration, e.g. <c>bme280</c>.</param>
/// <param name="Label">The device as its datasheet names it.</param>
/// <param name="Bus">How it is connected.</param>
/// <param name="Addresses">I2C addresses it answers on, the default first; empty when not on I2C.</param>
/// <param name="Bauds">Serial speeds it speaks, the default first; empty when not serial.</param>
/// <param name="Wiring">How to connect it to a Raspberry Pi and see it answer, for hints when it does not.</param>
internal sealed record SensorType(
    string Name,
    string Label,
    SensorBus Bus,
    IReadOnlyList<int> Addresses,
    IReadOnlyList<int> Bauds,
    string Wiring)
{
    /// <summary>True for sensors whose value comes from a calibration (the analogue probes).</summary>
    public bool TakesCalibration => Bus == SensorBus.Analog;
}
