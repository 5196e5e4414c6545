namespace Moci.Telemetry.Indices;

/// <summary>A US AQI looked up from one concentration.</summary>
/// <param name="Aqi">The AQI, 0–500; <c>null</c> beyond the table ("beyond the AQI").</param>
/// <param name="Category">The category; Hazardous beyond the table.</param>
/// <param name="TruncatedConcentration">
/// The concentration after truncation, the value looked up; beyond the table, the first concentration beyond it.
/// </param>
public sealed record UsAqiValue(int? Aqi, IndexBand Category, decimal TruncatedConcentration)
{
    /// <summary>True above the table's last breakpoint: report as Hazardous, without a number.</summary>
    public bool IsBeyondScale => Aqi is null;
}
