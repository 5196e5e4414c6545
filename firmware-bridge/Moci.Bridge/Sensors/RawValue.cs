namespace Moci.Bridge.Sensors;

/// <summary>
/// A value as the sensor's hardware gave it, before a calibration turned it into a reading: what a student compares
/// with a buffer solution or a reference to calibrate a probe (<c>moci-bridge check --raw</c>).
/// </summary>
/// <param name="Name">What it is, e.g. <c>probe</c> or <c>AIN0</c>.</param>
/// <param name="Value">The value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Its unit, e.g. <c>V</c>.</param>
internal readonly record struct RawValue(string Name, double Value, string Unit);
