namespace Moci.Bridge.Sensors;

/// <summary>A sensor is absent or faulty. The message names the sensor and says what to check (wiring, address, port).</summary>
/// <param name="message">What is wrong and what to check.</param>
/// <param name="innerException">The bus error behind it, if any.</param>
/// <param name="deviceMissing">
/// True when nothing answers at all (no I2C acknowledge, no byte on the serial line, no probe on the 1-Wire bus): a
/// wiring or configuration problem. False when the device answers but wrongly (a bad checksum, an impossible value).
/// </param>
public sealed class SensorException(string message, Exception? innerException = null, bool deviceMissing = false)
    : Exception(message, innerException)
{
    /// <summary>True when nothing answered at all; false when the device answered wrongly.</summary>
    public bool DeviceMissing { get; } = deviceMissing;
}
