using Moci.Telemetry.Time;

namespace Moci.Ingest.Queries;

/// <summary>A series summarised per hour or per day (<see cref="SeriesQueries.PeriodsAsync"/>).</summary>
/// <param name="Resolution">Hours or days.</param>
/// <param name="Range">The range asked for, widened to whole UTC hours or days.</param>
/// <param name="Interval">
/// The series' usual time between readings (the median gap of its newest readings before the end of the range), from
/// which the readings an hour should hold are known; null when the series holds fewer than two readings.
/// </param>
/// <param name="ExpectedPerHour">Readings a complete hour holds: an hour over <paramref name="Interval"/>; null when that is unknown.</param>
/// <param name="Periods">Oldest first; a period in which nothing is stored has no entry.</param>
public sealed record SeriesPeriods(Resolution Resolution, TimeRange Range, TimeSpan? Interval, int? ExpectedPerHour, IReadOnlyList<PeriodSummary> Periods);
