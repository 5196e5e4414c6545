using System.Collections.Concurrent;
using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Sampling;

/// <summary>
/// The station's water thermometers by configured name, so that a conductivity probe is compensated with the DS18B20
/// its configuration names (<c>temperatureSensor</c>) whichever loop reads that thermometer. The latest thermometer
/// opened under a name stands for it. Thread-safe.
/// </summary>
internal sealed class WaterThermometers
{
    private readonly ConcurrentDictionary<string, IWaterTemperatureSource> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="thermometer"/> the one named <paramref name="name"/>.</summary>
    public void Register(string name, IWaterTemperatureSource thermometer) => _byName[name] = thermometer;

    /// <summary>The water temperature of the thermometer named <paramref name="name"/>, looked up at each read.</summary>
    public IWaterTemperatureSource Named(string name) => new ByName(this, name);

    private sealed class ByName(WaterThermometers thermometers, string name) : IWaterTemperatureSource
    {
        public string Description => $"DS18B20 '{name}'";

        public bool TryGetCelsius(out double celsius)
        {
            celsius = double.NaN;
            return thermometers._byName.TryGetValue(name, out var thermometer) && thermometer.TryGetCelsius(out celsius);
        }
    }
}
