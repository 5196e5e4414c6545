namespace Moci.Bridge.Sensors.Particulate;

/// <summary>
/// The mass concentrations of one Plantower PMS5003/PMS7003 data frame, in µg/m³ at the sensor's 1 µg/m³ resolution.
/// The "standard particle" (CF=1) values are calibrated for factory environments; the "atmospheric environment"
/// values are the ones meant for outdoor air (PMS5003 data manual V2.3, appendix I).
/// </summary>
internal readonly record struct PlantowerFrame(
    int StandardPm1,
    int StandardPm2_5,
    int StandardPm10,
    int AtmosphericPm1,
    int AtmosphericPm2_5,
    int AtmosphericPm10);
