using System.Device.I2c;

namespace Moci.Bridge.Sensors.Bus;

/// <summary>Turns a failed I2C transfer into a <see cref="SensorException"/> that names the bus and address and says what to check.</summary>
internal static class I2cFault
{
    /// <summary>Where the device is, for messages: <c>I2C bus 1 at 0x76</c>.</summary>
    public static string Where(I2cConnectionSettings settings) =>
        $"I2C bus {settings.BusId} at 0x{settings.DeviceAddress:X2}";

    /// <summary>
    /// The device did not take part in a transfer: on Linux a missing or miswired device makes the transfer fail with
    /// an <see cref="IOException"/> (errno 121, remote I/O error, or 6, no such device or address).
    /// </summary>
    /// <param name="what">The part and the sensor's name, e.g. <c>BME280 'air'</c>.</param>
    /// <param name="settings">The bus and address it was opened on.</param>
    /// <param name="addressHint">Which addresses the part can have and what selects one.</param>
    /// <param name="cause">The failed transfer.</param>
    public static SensorException NoAnswer(string what, I2cConnectionSettings settings, string addressHint, Exception cause) =>
        new($"{what} on {Where(settings)} does not answer ({cause.Message}). Check its wiring (SDA to GPIO 2 = pin 3, "
            + "SCL to GPIO 3 = pin 5, VCC to 3.3 V = pin 1, GND to pin 6), its address ("
            + addressHint + ") and that I2C is on (dtparam=i2c_arm=on in /boot/firmware/config.txt); "
            + $"'i2cdetect -y {settings.BusId}' lists the addresses that answer.",
            cause,
            deviceMissing: true);
}
