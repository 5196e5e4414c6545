namespace Moci.Bridge.Sensors;

/// <summary>
/// A sensor that keeps the raw values of its last read (<see cref="RawValue"/>): the analogue probes, whose
/// calibration maps a voltage to pH, NTU or µS/cm. Not thread-safe, as <see cref="ISensor"/>.
/// </summary>
internal interface IRawSensor
{
    /// <summary>
    /// The raw values of the last read, also of a read that failed once the input was converted (a voltage outside the
    /// calibration's range is exactly what a student needs to see); empty before the first conversion.
    /// </summary>
    IReadOnlyList<RawValue> LastRaw { get; }
}
