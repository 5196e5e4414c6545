namespace Moci.Ingest.Storage;

/// <summary>How far a rebuild of rollups has come (<see cref="SqliteReadingStore.RebuildRollupsAsync"/>).</summary>
/// <param name="Station">The station of the series being rebuilt.</param>
/// <param name="Metric">The metric of the series being rebuilt.</param>
/// <param name="SeriesDone">Series finished, of <paramref name="SeriesTotal"/>.</param>
/// <param name="SeriesTotal">Series to rebuild.</param>
/// <param name="StepsDone">Steps finished, of <paramref name="StepsTotal"/>: each is up to a week of one series' readings, rebuilt in one transaction.</param>
/// <param name="StepsTotal">Steps in the whole rebuild.</param>
public sealed record RollupRebuildProgress(string Station, string Metric, int SeriesDone, int SeriesTotal, long StepsDone, long StepsTotal);
