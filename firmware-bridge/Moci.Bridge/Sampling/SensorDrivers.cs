using System.Collections.Frozen;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors;

namespace Moci.Bridge.Sampling;

/// <summary>
/// Opens the driver of a configured sensor, by its <c>type</c>. The station's drivers are in <see cref="Station"/>;
/// tests give their own. Thread-safe: immutable.
/// </summary>
/// <param name="drivers">A factory per sensor type name (case-insensitive).</param>
internal sealed class SensorDrivers(IReadOnlyDictionary<string, Func<SensorOptions, ISensor>> drivers)
{
    /// <summary>The drivers this build carries.</summary>
    public static SensorDrivers Station { get; } = new(new Dictionary<string, Func<SensorOptions, ISensor>>());

    private readonly FrozenDictionary<string, Func<SensorOptions, ISensor>> _drivers = drivers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Opens the sensor <paramref name="options"/> describes.</summary>
    /// <exception cref="SensorException">There is no driver for its type, or the device cannot be opened; the message says what to check.</exception>
    public ISensor Open(SensorOptions options)
    {
        if (!_drivers.TryGetValue(options.Type, out var open))
        {
            throw new SensorException($"sensor '{options.DisplayName}': this build of moci-bridge has no driver for {options.Type}; install a newer release or set \"enabled\": false.");
        }

        try
        {
            return open(options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            throw new SensorException($"sensor '{options.DisplayName}' ({options.Type}) cannot be opened: {ex.Message}", ex);
        }
    }
}
