namespace Moci.Telemetry.Limits;

/// <summary>What a year's data says about one limit value.</summary>
public enum LimitVerdict
{
    /// <summary>The year is over, its data coverage is enough, and the limit was kept.</summary>
    Met,

    /// <summary>
    /// The limit was not kept: more periods above it than permitted (final as soon as it happens, whatever the
    /// missing data would have shown), or an annual mean above it with enough coverage.
    /// </summary>
    Exceeded,

    /// <summary>The year is not over; up to now the coverage is enough and the limit is kept.</summary>
    NotExceededSoFar,

    /// <summary>The year is not over; up to now the coverage is enough and the annual mean is above the limit.</summary>
    ExceededSoFar,

    /// <summary>Too little valid data to compare with the limit (and nothing that exceeds it for certain).</summary>
    InsufficientData,
}
