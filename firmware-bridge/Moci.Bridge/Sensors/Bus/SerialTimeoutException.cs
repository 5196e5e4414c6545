namespace Moci.Bridge.Sensors.Bus;

/// <summary>No complete frame arrived from a serial device in time.</summary>
/// <param name="timeout">How long the read waited.</param>
/// <param name="nothingReceived">True when not a single byte arrived: the device is silent, not garbled.</param>
internal sealed class SerialTimeoutException(TimeSpan timeout, bool nothingReceived)
    : TimeoutException(nothingReceived
        ? $"nothing received within {timeout.TotalSeconds:0.#} s"
        : $"no complete frame within {timeout.TotalSeconds:0.#} s")
{
    /// <summary>True when not a single byte arrived.</summary>
    public bool NothingReceived { get; } = nothingReceived;
}
