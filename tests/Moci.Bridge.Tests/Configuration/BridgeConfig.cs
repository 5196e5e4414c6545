using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Tests.Configuration;

/// <summary>
/// Writes a configuration file into a temporary folder, reads it as the bridge does and runs the start-up checks
/// against a made-up machine: the paths in <see cref="Existing"/> exist, the files in <see cref="Files"/> can be read.
/// </summary>
internal sealed class BridgeConfig : IDisposable
{
    /// <summary>A station that passes every check: id, secret, broker, one BME280 on bus 1.</summary>
    public const string Valid = """
        {
          "station": { "id": "rrg-school-01", "secret": "s3cret" },
          "broker": { "uri": "mqtt://192.168.1.20:1883" },
          "sensors": [ { "type": "bme280", "name": "air", "bus": 1, "address": "0x76" } ]
        }
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("moci-bridge-config-");

    /// <summary>Paths that exist on the made-up machine: the Pi's I2C bus 1, its UART and a USB adaptor by default.</summary>
    public HashSet<string> Existing { get; } = ["/dev/i2c-1", "/dev/serial0", "/dev/ttyUSB0"];

    /// <summary>Text files that can be read, by path.</summary>
    public Dictionary<string, string> Files { get; } = [];

    /// <summary>The temporary folder.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Writes <paramref name="json"/> to a file and returns its path.</summary>
    public string Write(string json, string name = "bridge.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Reads <paramref name="json"/> as the configuration file and returns the options' services.</summary>
    public ServiceProvider Services(string json)
    {
        var configuration = ConfigFile.Load(Write(json));
        var services = new ServiceCollection();
        services.AddSingleton(new FileView(
            path => Existing.Contains(path) || Files.ContainsKey(path),
            path => Files.TryGetValue(path, out var text) ? text : throw new FileNotFoundException(path)));
        services.AddBridgeOptions(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Every problem the start-up checks find in <paramref name="json"/>.</summary>
    public IReadOnlyList<string> Problems(string json)
    {
        using var services = Services(json);
        return OptionsRegistration.Problems(services);
    }

    /// <summary>The options of type <typeparamref name="T"/> bound from <paramref name="json"/>.</summary>
    public T Options<T>(string json)
        where T : class
    {
        using var services = Services(json);
        return services.GetRequiredService<IOptions<T>>().Value;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
