namespace Moci.Bridge.Sensors.Water;

/// <summary>The water temperature a conductivity probe is compensated with: a thermometer in the water, or a fixed value.</summary>
internal interface IWaterTemperatureSource
{
    /// <summary>Where the temperature comes from, for messages (e.g. <c>DS18B20 'water-temp'</c>).</summary>
    string Description { get; }

    /// <summary>The water temperature now, in °C.</summary>
    /// <returns>False when no recent valid value is known.</returns>
    bool TryGetCelsius(out double celsius);
}
