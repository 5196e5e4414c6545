namespace Moci.Bridge.Sensors;

/// <summary>A sensor is absent or faulty. The message names the sensor and says what to check (wiring, address, port).</summary>
public sealed class SensorException(string message, Exception? innerException = null) : Exception(message, innerException);
