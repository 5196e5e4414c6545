namespace Moci.Telemetry.Indices;

/// <summary>One row of the US AQI breakpoint table: a concentration range and the AQI range it maps to.</summary>
/// <param name="ConcentrationLow">BP_Lo, inclusive, in the pollutant's unit after truncation.</param>
/// <param name="ConcentrationHigh">BP_Hi, inclusive.</param>
/// <param name="IndexLow">I_Lo.</param>
/// <param name="IndexHigh">I_Hi.</param>
public sealed record UsAqiBreakpoint(decimal ConcentrationLow, decimal ConcentrationHigh, int IndexLow, int IndexHigh)
{
    /// <summary>
    /// The EPA equation: I = (I_Hi − I_Lo) / (BP_Hi − BP_Lo) × (C − BP_Lo) + I_Lo, rounded to the nearest whole
    /// number (halves up, as the EPA's calculator does).
    /// </summary>
    public int IndexOf(decimal truncated) =>
        (int)Math.Round((IndexHigh - IndexLow) / (ConcentrationHigh - ConcentrationLow) * (truncated - ConcentrationLow) + IndexLow,
            MidpointRounding.AwayFromZero);
}
