namespace Moci.Telemetry.Limits;

/// <summary>What a value in a limit set is in law or guidance: they are not interchangeable.</summary>
public enum LimitKind
{
    /// <summary>EU limit value: to be attained by a date and not exceeded once attained (binding).</summary>
    LimitValue,

    /// <summary>EU target value: to be attained where possible over a given period.</summary>
    TargetValue,

    /// <summary>WHO air quality guideline (AQG) level: a health recommendation, not law.</summary>
    GuidelineLevel,

    /// <summary>WHO interim target: a step towards the guideline level for places far above it.</summary>
    InterimTarget,
}
