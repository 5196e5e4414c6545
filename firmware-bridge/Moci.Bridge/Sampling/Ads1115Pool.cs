using System.Device.I2c;
using Iot.Device.Ads1115;
using Moci.Bridge.Sensors.Water;

namespace Moci.Bridge.Sampling;

/// <summary>
/// The ADS1115 converters of the station, one per (bus, address), shared by the probes wired to its inputs so that
/// their conversions are taken one at a time (each selects its own input). A converter is opened with its first probe
/// and closed with its last. Thread-safe.
/// </summary>
/// <param name="open">Opens the I2C device at (bus, address); the real bus at the station, a simulated device in tests.</param>
internal sealed class Ads1115Pool(Func<int, int, I2cDevice> open)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Bus, int Address), Shared> _converters = [];

    /// <summary>Takes the converter at (<paramref name="bus"/>, <paramref name="address"/>), opening it if no probe holds it yet.</summary>
    /// <param name="bus">The I2C bus.</param>
    /// <param name="address">The converter's address, 0x48–0x4B.</param>
    /// <param name="range">Its full-scale range; the configuration check makes every probe on one converter give the same.</param>
    /// <returns>The converter, and the lease to dispose when the probe is closed.</returns>
    public (Ads1115Converter Converter, IDisposable Lease) Take(int bus, int address, MeasuringRange range)
    {
        lock (_gate)
        {
            if (!_converters.TryGetValue((bus, address), out var shared))
            {
                shared = new Shared(new Ads1115Converter(open(bus, address), range));
                _converters[(bus, address)] = shared;
            }

            shared.Holders++;
            return (shared.Converter, new Lease(this, (bus, address)));
        }
    }

    /// <summary>How many converters are open, for tests.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _converters.Count;
            }
        }
    }

    private void Release((int Bus, int Address) key)
    {
        lock (_gate)
        {
            if (_converters.TryGetValue(key, out var shared) && --shared.Holders == 0)
            {
                _converters.Remove(key);
                shared.Converter.Dispose();
            }
        }
    }

    private sealed class Shared(Ads1115Converter converter)
    {
        public Ads1115Converter Converter { get; } = converter;

        public int Holders { get; set; }
    }

    private sealed class Lease(Ads1115Pool pool, (int Bus, int Address) key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                pool.Release(key);
            }
        }
    }
}
