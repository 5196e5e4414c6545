using Moci.Telemetry.Stations;

namespace Moci.Ingest.Apis;

/// <summary>The index bands of a station at one time.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Kind">Air, Water or Mobile: which schemes apply.</param>
/// <param name="At">The time of the question, UTC.</param>
/// <param name="WindowEnd">The end of the last whole hour at or before <paramref name="At"/>: every window ends here.</param>
/// <param name="Pollutants">One entry per metric the schemes cover.</param>
public sealed record IndexResponse(string Station, StationKind Kind, DateTimeOffset At, DateTimeOffset WindowEnd, IReadOnlyList<IndexPollutantResponse> Pollutants);
