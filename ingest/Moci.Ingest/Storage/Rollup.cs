namespace Moci.Ingest.Storage;

/// <summary>
/// What the stored readings of one series add up to in one <see cref="RollupPeriod"/>. A value is valid when no QA
/// flag casts doubt on it (<see cref="Moci.Telemetry.Readings.QaFlagsExtensions.IsSuspect"/>) and it is a finite
/// number; only valid values go into the sum, the lowest and the highest. A value type: a year of hourly rollups is
/// read without a heap object per hour.
/// </summary>
/// <param name="Start">The first instant of the period (UTC).</param>
/// <param name="Count">Readings stored in the period, valid or not.</param>
/// <param name="ValidCount">Of them, the valid ones.</param>
/// <param name="ValidSum">The sum of the valid values, in the metric's unit; 0 when there are none.</param>
/// <param name="ValidMin">The lowest valid value; null when there are none.</param>
/// <param name="ValidMax">The highest valid value; null when there are none.</param>
public readonly record struct Rollup(DateTimeOffset Start, long Count, long ValidCount, double ValidSum, double? ValidMin, double? ValidMax)
{
    /// <summary>The mean of the valid values, in the metric's unit; null when there are none.</summary>
    public double? Mean => ValidCount > 0 ? ValidSum / ValidCount : null;
}
