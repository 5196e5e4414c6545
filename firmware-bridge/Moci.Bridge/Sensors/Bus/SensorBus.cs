using System.Device.I2c;
using System.IO.Ports;

namespace Moci.Bridge.Sensors.Bus;

/// <summary>
/// Opens the buses the sensors are on. A bus the Pi has not enabled fails here, with a message saying which line of
/// <c>/boot/firmware/config.txt</c> enables it; a device that does not answer fails later, in the sensor's read.
/// </summary>
internal static class SensorBus
{
    /// <summary>Opens the I2C device at <paramref name="address"/> on <c>/dev/i2c-<paramref name="busId"/></c>.</summary>
    /// <param name="sensorName">The sensor's configured name, for the message.</param>
    /// <param name="busId">The I2C bus: 1 on the Pi's header (pins 3 and 5).</param>
    /// <param name="address">The 7-bit device address, 0x08–0x77.</param>
    /// <exception cref="SensorException">The bus cannot be opened.</exception>
    public static I2cDevice OpenI2c(string sensorName, int busId, int address)
    {
        try
        {
            return I2cDevice.Create(new I2cConnectionSettings(busId, address));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            throw new SensorException(
                $"'{sensorName}': cannot open I2C bus {busId} (/dev/i2c-{busId}): {ex.Message}. Enable I2C with "
                + "dtparam=i2c_arm=on in /boot/firmware/config.txt (or raspi-config, Interface Options, I2C) and reboot; "
                + "the bridge's user must be in the 'i2c' group.",
                ex);
        }
    }

    /// <summary>Opens a serial port at 8 data bits, no parity, one stop bit, as the PM sensors and GPS receivers use.</summary>
    /// <param name="sensorName">The sensor's configured name, for the message.</param>
    /// <param name="portName">The device, e.g. <c>/dev/serial0</c> (the header's UART, pins 8 and 10) or <c>/dev/ttyUSB0</c>.</param>
    /// <param name="baudRate">9600 for the Plantower, SDS011 and most GPS receivers.</param>
    /// <returns>The port's stream; disposing it closes the port.</returns>
    /// <exception cref="SensorException">The port cannot be opened.</exception>
    public static Stream OpenSerial(string sensorName, string portName, int baudRate = 9600)
    {
        var port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 1000,
        };
        try
        {
            port.Open();
            return port.BaseStream;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            throw new SensorException(
                $"'{sensorName}': cannot open serial port {portName}: {ex.Message}. For the header's UART (pins 8 and 10) "
                + "set enable_uart=1 in /boot/firmware/config.txt and turn the serial console off (raspi-config, "
                + "Interface Options, Serial Port: login shell no, hardware yes); for a USB adapter check 'ls /dev/ttyUSB*'. "
                + "The bridge's user must be in the 'dialout' group.",
                ex);
        }
    }
}
