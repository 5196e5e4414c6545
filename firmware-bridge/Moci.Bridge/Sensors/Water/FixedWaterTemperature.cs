namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// A configured water temperature, for a conductivity probe without a thermometer beside it: its readings are then
/// compensated as if the water were always at this temperature, off by about 2 % per °C it is not. Thread-safe: immutable.
/// </summary>
/// <param name="Celsius">The temperature assumed, in °C.</param>
internal sealed record FixedWaterTemperature(double Celsius) : IWaterTemperatureSource
{
    /// <inheritdoc/>
    public string Description => $"a fixed {Celsius:0.#} °C";

    /// <inheritdoc/>
    public bool TryGetCelsius(out double celsius)
    {
        celsius = Celsius;
        return true;
    }
}
