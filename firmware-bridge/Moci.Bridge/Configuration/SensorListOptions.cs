namespace Moci.Bridge.Configuration;

/// <summary>The station's sensors: the <c>sensors</c> list of the configuration file.</summary>
internal sealed class SensorListOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "sensors";

    /// <summary>The sensors in the order the file lists them.</summary>
    public List<SensorOptions> Sensors { get; } = [];

    /// <summary>The sensors to read (<see cref="SensorOptions.Enabled"/>).</summary>
    public IEnumerable<SensorOptions> Enabled => Sensors.Where(s => s.Enabled);
}
