namespace Moci.Ingest.Apis;

/// <summary>The answer to a kit's post, sent once its readings are committed.</summary>
/// <param name="Stored">Readings committed (each stamped with the hub's arrival time and flagged hub_timed).</param>
/// <param name="Rejected">Values kept as dead letters instead, each with its reason (GET /api/v1/dead-letters).</param>
/// <param name="Ignored">Value types the hub does not store, for example samples, signal or GPS_lat.</param>
public sealed record AirrohrResponse(int Stored, int Rejected, IReadOnlyList<string> Ignored);
