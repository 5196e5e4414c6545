namespace Moci.Bridge.Configuration;

/// <summary>How a sensor is connected, which decides the settings it takes.</summary>
internal enum SensorBus
{
    /// <summary>I2C: <c>bus</c> and <c>address</c>.</summary>
    I2c,

    /// <summary>A serial port (UART or USB adaptor): <c>port</c> and <c>baud</c>.</summary>
    Serial,

    /// <summary>1-Wire through the kernel's w1 driver: <c>oneWireId</c>.</summary>
    OneWire,

    /// <summary>An analogue probe on an ADS1115 converter (I2C): <c>bus</c>, <c>address</c>, <c>channel</c> and <c>calibration</c>.</summary>
    Analog,
}
