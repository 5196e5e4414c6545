namespace Moci.Ingest.Storage;

/// <summary>What a rebuild of rollups did (<see cref="SqliteReadingStore.RebuildRollupsAsync"/>).</summary>
/// <param name="Series">Series rebuilt.</param>
/// <param name="Readings">Readings rolled up.</param>
/// <param name="Hours">Hourly rollups the series have now.</param>
/// <param name="Days">Daily rollups the series have now.</param>
/// <param name="HoursCorrected">Hourly rollups that were missing, wrong or left over from readings no longer stored, and are now right.</param>
/// <param name="DaysCorrected">Daily rollups that were missing, wrong or left over, and are now right.</param>
public sealed record RollupRebuildSummary(int Series, long Readings, long Hours, long Days, long HoursCorrected, long DaysCorrected);
